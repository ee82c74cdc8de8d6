package dev.oktyv.bench.load.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a set of load loops, one daemon thread each, and waits for all of them. The first failure of any loop is
 * rethrown once every loop has ended, so a broken worker fails the run instead of silently lowering the load.
 * Daemon threads, because a stuck target must never keep the JVM alive after the run gave up on it.
 */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    public static void runAll(List<? extends Runnable> loops, String namePrefix) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            Runnable loop = loops.get(i);
            Thread t = new Thread(() -> {
                try {
                    loop.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, namePrefix + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        Throwable f = failure.get();
        if (f instanceof Exception ex) {
            throw ex;
        } else if (f instanceof Error err) {
            throw err;
        }
    }
}
