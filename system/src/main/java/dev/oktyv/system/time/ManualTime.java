package dev.oktyv.system.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A controllable time source for tests: one timeline seen as a wall {@link Clock}, a {@link NanoClock} and a
 * {@link Sleeper}. Sleeping advances the timeline instantly and is recorded, so a test can assert the exact
 * backoff schedule an engine used. Thread-safe.
 */
public final class ManualTime implements NanoClock, Sleeper {

    private final Instant origin;
    private long elapsedNanos;
    private final List<Duration> sleeps = new ArrayList<>();

    public ManualTime(Instant origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public ManualTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot move time backwards by " + d);
        }
        elapsedNanos += d.toNanos();
    }

    @Override
    public synchronized long nanoTime() {
        return elapsedNanos;
    }

    @Override
    public synchronized void sleep(Duration d) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before sleeping " + d);
        }
        sleeps.add(d);
        advance(d.isNegative() ? Duration.ZERO : d);
    }

    /** Every sleep requested so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Instant now() {
        return origin.plusNanos(elapsedNanos);
    }

    /** A wall clock that reads this timeline. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("ManualTime clocks are UTC only");
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
