package dev.oktyv.analysis.jmc;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * The workloads {@link JmcAgreementTest} records in a child JVM with JFR: each runs for a bounded time and stops by
 * itself. Arguments: {@code alloc SECONDS}, {@code lock SECONDS}, {@code io SECONDS HOST:PORT HOST:PORT} (a slow and
 * a faster server, both on loopback).
 */
public final class RecordedWorkloads {

    /** Kept reachable so that escape analysis cannot remove the allocations. */
    static volatile Object sink;

    private RecordedWorkloads() {
    }

    public static void main(String[] args) throws Exception {
        long end = System.nanoTime() + (long) (Double.parseDouble(args[1]) * 1e9);
        // A profiler that attaches from outside waits for this line: attaching to a JVM still starting up fails.
        System.out.println("started " + args[0]);
        System.out.flush();
        switch (args[0]) {
            case "alloc" -> alloc(end);
            case "lock" -> lock(end);
            case "io" -> io(end, args[2], args[3]);
            default -> throw new IllegalArgumentException("unknown workload " + args[0]);
        }
    }

    /** byte[] from {@link #newBuffer} dominates; long[] from {@link #newCounters} is a smaller second site. */
    static void alloc(long end) {
        Object[] keep = new Object[256];
        int i = 0;
        while (System.nanoTime() < end) {
            keep[i++ & 255] = newBuffer();
            keep[i++ & 255] = newCounters();
            sink = keep;
        }
    }

    static byte[] newBuffer() {
        return new byte[32 * 1024];
    }

    static long[] newCounters() {
        return new long[64];
    }

    /** Monitor classes named for what the test expects: HotLock is held long by four threads, ColdLock briefly by two. */
    static final class HotLock {
        long value;
    }

    static final class ColdLock {
        long value;
    }

    /**
     * Four workers contend on a {@link HotLock} (held ~15 ms each time), two on a {@link ColdLock} (held ~11 ms), and
     * a control thread parks for the whole run, as JMH's do: named like JMH's threads, so that the locks rule must
     * count the workers alone.
     */
    static void lock(long end) throws InterruptedException {
        HotLock hot = new HotLock();
        ColdLock cold = new ColdLock();
        Thread control = new Thread(() -> {
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(end - System.nanoTime());
            }
        }, "jmh-control");
        control.start();
        Thread[] workers = new Thread[6];
        for (int t = 0; t < workers.length; t++) {
            boolean onHot = t < 4;
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (onHot) {
                        synchronized (hot) {
                            hot.value += spin(15_000_000L);
                        }
                    } else {
                        synchronized (cold) {
                            cold.value += spin(11_000_000L);
                        }
                    }
                }
            }, "bench.Locks.run-jmh-worker-" + (t + 1));
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        control.join();
    }

    /** Busy work for {@code nanos}: the lock is held while computing, not sleeping. */
    static long spin(long nanos) {
        long stop = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < stop) {
            x = x * 31 + 7;
        }
        return x;
    }

    /** Requests to the slow server and, twice as often, to the faster one: one connection per request. */
    static void io(long end, String slow, String fast) throws Exception {
        byte[] buf = new byte[4096];
        int n = 0;
        while (System.nanoTime() < end) {
            fetch(n++ % 3 == 0 ? slow : fast, buf);
        }
    }

    static void fetch(String hostPort, byte[] buf) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
            InputStream in = s.getInputStream();
            while (in.read(buf) >= 0) {
                sink = buf;
            }
        }
    }
}
