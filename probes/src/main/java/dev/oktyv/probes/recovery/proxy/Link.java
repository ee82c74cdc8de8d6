package dev.oktyv.probes.recovery.proxy;

import dev.oktyv.system.time.Sleeper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/** One direction of one proxied connection, as a toxic sees it: timing, per-toxic state and the ways to cut it. */
public final class Link {

    private final ProxyConnection connection;
    private final ToxicDirection direction;
    private final ScheduledExecutorService scheduler;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Map<Toxic, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<Toxic, Future<?>> scheduled = new ConcurrentHashMap<>();

    Link(ProxyConnection connection, ToxicDirection direction, ScheduledExecutorService scheduler, Sleeper sleeper,
         RandomGenerator random) {
        this.connection = connection;
        this.direction = direction;
        this.scheduler = scheduler;
        this.sleeper = sleeper;
        this.random = random;
    }

    public ToxicDirection direction() {
        return direction;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** A uniform sample in [0, 1); synchronised because the proxy's random source is shared. */
    public double nextUnit() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    /** A per-toxic byte counter on this link ({@code limit_data}). */
    public AtomicLong counter(Toxic toxic) {
        return counters.computeIfAbsent(toxic, t -> new AtomicLong());
    }

    /** Closes both sockets with a normal FIN. */
    public void close() {
        connection.close(false);
    }

    /** Closes both sockets with a TCP RST (SO_LINGER 0), as {@code reset_peer} does. */
    public void reset() {
        connection.close(true);
    }

    /** Runs {@code action} after {@code delay} unless the toxic is removed first. */
    public void schedule(Toxic toxic, Duration delay, Runnable action) {
        scheduled.put(toxic, scheduler.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    void detach(Toxic toxic) {
        Future<?> f = scheduled.remove(toxic);
        if (f != null) {
            f.cancel(false);
        }
        counters.remove(toxic);
    }
}
