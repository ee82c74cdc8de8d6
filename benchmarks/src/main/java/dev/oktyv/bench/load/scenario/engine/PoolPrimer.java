package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.bench.load.executor.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * Fills a client's connection pool before a scenario's clock starts, in waves of simultaneous operations that grow
 * (1, 2, 4, … then by at most {@link #MAX_STEP}) up to {@code concurrency}. A pool only grows when every pooled
 * connection is busy, so a wave opens at most as many new connections as it is larger than the one before: the
 * small first waves compile the TLS and HTTP code, and no wave asks for more than {@code MAX_STEP} handshakes at
 * once. One wave of 200 at a cold start is the handshake storm this avoids. A wave with a failed operation (a
 * handshake that missed the connect timeout) is sent again, up to {@link #ATTEMPTS_PER_WAVE} times: what it did
 * connect stays pooled and the code is warmer. Still failing, the priming fails, and with it the scenario's start:
 * a fixture that cannot serve its own warm-up must not go on to be measured.
 */
final class PoolPrimer {

    static final int MAX_STEP = 25;
    static final int ATTEMPTS_PER_WAVE = 4;

    private PoolPrimer() {
    }

    /**
     * @param connections how many connections the server holds open now: the last wave is repeated (up to
     *                    {@link #ATTEMPTS_PER_WAVE} times) until it reaches {@code concurrency}, because requests
     *                    that finish quickly hand their connection to the next one and a wave may open fewer
     * @return the number of operations sent
     */
    static int prime(Callable<Outcome> operation, int concurrency, IntSupplier connections)
            throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "oktyv-load-pool-primer");
            t.setDaemon(true);
            return t;
        });
        int sent = 0;
        try {
            int wave = 1;
            while (true) {
                String failure = null;
                for (int attempt = 1; attempt <= ATTEMPTS_PER_WAVE; attempt++) {
                    failure = wave(pool, operation, wave);
                    sent += wave;
                    if (failure == null) {
                        break;
                    }
                }
                if (failure != null) {
                    throw new IllegalStateException("priming the connection pool failed: a wave of " + wave
                            + " concurrent requests failed " + ATTEMPTS_PER_WAVE + " times, last with " + failure);
                }
                if (wave == concurrency) {
                    for (int extra = 1; extra < ATTEMPTS_PER_WAVE && connections.getAsInt() < concurrency; extra++) {
                        wave(pool, operation, wave); // failures here are handshakes the measured run will retry
                        sent += wave;
                    }
                    return sent;
                }
                wave = Math.min(concurrency, Math.min(wave * 2, wave + MAX_STEP));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return null when every operation of the wave was OK, else the first failure */
    private static String wave(ExecutorService pool, Callable<Outcome> operation, int size)
            throws InterruptedException {
        List<Future<Outcome>> calls = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            calls.add(pool.submit(operation));
        }
        String failure = null;
        for (Future<Outcome> f : calls) {
            try {
                Outcome o = f.get();
                if (!o.ok() && failure == null) {
                    failure = o.toString();
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = String.valueOf(e.getCause());
                }
            }
        }
        return failure;
    }
}
