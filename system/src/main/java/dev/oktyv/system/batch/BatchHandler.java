package dev.oktyv.system.batch;

import java.util.List;

/** Writes one batch. Throwing fails every item of that batch (and only that batch). */
@FunctionalInterface
public interface BatchHandler<T> {
    void handle(List<T> batch) throws Exception;
}
