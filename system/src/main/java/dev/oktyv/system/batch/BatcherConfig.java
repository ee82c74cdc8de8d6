package dev.oktyv.system.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxBatchSize flush as soon as this many items are pending, 1..100,000
 * @param maxWait      flush at the latest this long after the first item of a batch arrived, 1 ms..1 h
 */
public record BatcherConfig(int maxBatchSize, Duration maxWait) {

    public BatcherConfig {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxBatchSize < 1 || maxBatchSize > 100_000) {
            throw new IllegalArgumentException("maxBatchSize must be 1..100000, was " + maxBatchSize);
        }
        if (maxWait.compareTo(Duration.ofMillis(1)) < 0 || maxWait.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("maxWait must be 1ms..1h, was " + maxWait);
        }
    }
}
