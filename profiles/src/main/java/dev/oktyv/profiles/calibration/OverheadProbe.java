package dev.oktyv.profiles.calibration;

import dev.oktyv.profiles.capture.AsyncProfilerProvider;
import dev.oktyv.profiles.capture.CaptureOptions;
import dev.oktyv.profiles.capture.CaptureRun;
import dev.oktyv.profiles.capture.ProfileRequest;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Profiling overhead measured as process cpu time per operation, which a busy shared machine disturbs far less
 * than throughput (other processes take wall time from us, not cpu time). Blocks of the AES-GCM decrypt
 * workload run with no profiling, {@code cpu} and {@code jfr}, in rotating order so drift hits every mode
 * alike; the median per mode is reported. Process cpu includes the profilers' own threads (JFR's recorder,
 * async-profiler's writer) and the signal handlers on the measured thread.
 *
 * <p>{@code java -cp oktyv-bench.jar dev.oktyv.profiles.calibration.OverheadProbe [ROUNDS] [BLOCK_MS] [WARMUP_MS]};
 * the warm-up (default 20 s) must outlast JIT compilation, which a loaded machine stretches a lot.
 */
public final class OverheadProbe {

    private static final long SETTLE_MS = 1500;

    private OverheadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        long blockMs = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        PrintStream out = System.out;
        String[] modes = {"none", "cpu", "jfr"};
        AesGcmDecryptBenchmark bench = new AesGcmDecryptBenchmark();
        bench.setUp();
        long warmupMs = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        Path tmp = Files.createTempDirectory("oktyv-overhead");
        // Unmeasured warm-up in every mode: the first JFR start in a JVM loads and compiles JFR itself and keeps
        // the cpu busy for seconds; that one-off cost would otherwise land in whichever block comes next.
        block(bench, warmupMs / 3, null);
        block(bench, warmupMs / 3, tmp.resolve("cpu-warmup"));
        block(bench, warmupMs / 3, tmp.resolve("jfr-warmup"));
        List<List<Double>> perMode = new ArrayList<>();
        for (int m = 0; m < modes.length; m++) {
            perMode.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < modes.length; k++) {
                int m = (k + r) % modes.length;
                ProfileRequest req = modes[m].equals("none") ? null : ProfileRequest.parse(modes[m]);
                double ns = block(bench, blockMs, req == null ? null : tmp.resolve(modes[m] + "-" + r));
                perMode.get(m).add(ns);
                out.printf(Locale.ROOT, "round %d %-4s %.1f cpu-ns/op%n", r + 1, modes[m], ns);
            }
        }
        double base = median(perMode.get(0));
        for (int m = 0; m < modes.length; m++) {
            double med = median(perMode.get(m));
            // Paired: the ratio to "none" within each round (blocks seconds apart), then the median over rounds;
            // this cancels the slow drift of a shared machine better than comparing the two medians.
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                ratios.add(perMode.get(m).get(r) / perMode.get(0).get(r));
            }
            out.printf(Locale.ROOT, "%-4s median %.1f cpu-ns/op  overhead %+.2f%% (medians), %+.2f%% (median of paired ratios)%n",
                    modes[m], med, 100 * (med / base - 1), 100 * (median(ratios) - 1));
        }
    }

    private static double block(AesGcmDecryptBenchmark bench, long ms, Path dir) throws Exception {
        CaptureRun capture = dir == null ? null
                : CaptureRun.start(dir.getFileName().toString().startsWith("cpu") ? ProfileRequest.parse("cpu")
                        : ProfileRequest.parse("jfr"), CaptureOptions.DEFAULTS, dir, "overhead", 1, 0, System.out,
                        AsyncProfilerProvider.AP_LOADER);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long end = System.nanoTime() + ms * 1_000_000;
        long ops = 0;
        while (System.nanoTime() - end < 0) {
            for (int i = 0; i < 100; i++) {
                bench.get();
            }
            ops += 100;
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        if (capture != null) {
            capture.stop();
        }
        // Let background work of the previous block (JFR's dump and chunk rotation, JIT of the rendering code)
        // finish before the next block's cpu clock starts; otherwise it is billed to whichever mode runs next.
        Thread.sleep(SETTLE_MS);
        return (double) cpu / ops;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
