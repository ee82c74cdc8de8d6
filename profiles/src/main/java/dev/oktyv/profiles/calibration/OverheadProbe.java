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
 * <p>{@code java -cp oktyv-bench.jar dev.oktyv.profiles.calibration.OverheadProbe [ROUNDS] [BLOCK_MS]}
 */
public final class OverheadProbe {

    private OverheadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        long blockMs = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        PrintStream out = System.out;
        String[] modes = {"none", "cpu", "jfr"};
        AesGcmDecryptBenchmark bench = new AesGcmDecryptBenchmark();
        bench.setUp();
        block(bench, 3000, null); // JIT warm-up, not measured
        Path tmp = Files.createTempDirectory("oktyv-overhead");
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
            out.printf(Locale.ROOT, "%-4s median %.1f cpu-ns/op  overhead %+.2f%%%n", modes[m], med, 100 * (med / base - 1));
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
        return (double) cpu / ops;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
