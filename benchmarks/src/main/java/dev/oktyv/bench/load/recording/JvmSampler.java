package dev.oktyv.bench.load.recording;

import dev.oktyv.results.load.LoadSummary;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap, GC and CPU figures of this JVM over a run. Heap peak is the highest "used" seen at the once-a-second
 * samples (plus before and after); a short spike between samples can be missed, which the docs say.
 */
public final class JvmSampler {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long heapBefore;
    private final long gcCountBefore;
    private final long gcTimeBefore;
    private final long cpuBefore;
    private final AtomicLong peak;

    public JvmSampler() {
        this.heapBefore = heapUsed();
        this.gcCountBefore = gcCount();
        this.gcTimeBefore = gcTimeMillis();
        this.cpuBefore = processCpuNanos();
        this.peak = new AtomicLong(heapBefore);
    }

    public void sample() {
        long used = heapUsed();
        peak.accumulateAndGet(used, Math::max);
    }

    public LoadSummary.JvmStats finish() {
        long after = heapUsed();
        peak.accumulateAndGet(after, Math::max);
        long cpu = processCpuNanos();
        return new LoadSummary.JvmStats(heapBefore, after, peak.get(), gcCount() - gcCountBefore,
                gcTimeMillis() - gcTimeBefore, cpu < 0 || cpuBefore < 0 ? -1 : cpu - cpuBefore);
    }

    private long heapUsed() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcTimeMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    /** -1 when the platform bean does not expose it (not HotSpot/OpenJ9). */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
