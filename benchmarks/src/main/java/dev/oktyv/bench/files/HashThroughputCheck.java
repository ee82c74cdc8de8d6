package dev.oktyv.bench.files;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.Digest;
import dev.oktyv.system.files.FileStoreConfig;
import dev.oktyv.system.files.HashAlgorithm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the File engine's SHA-256 on one large file, to compare back to back with {@code openssl dgst -sha256}
 * on the same file (JMH cannot run openssl). Usage: {@code java -cp oktyv-bench.jar
 * dev.oktyv.bench.files.HashThroughputCheck <file> [runs]}. Prints every run and the best, in MB/s (10^6 bytes) of wall time
 * and per CPU-second of the hashing thread.
 */
public final class HashThroughputCheck {

    private HashThroughputCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: HashThroughputCheck <file> [runs, default 5]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long size = Files.size(file);
        ConfinedFileStore store = new ConfinedFileStore(FileStoreConfig.builder(file.getParent())
                .maxFileSizeBytes(Math.max(1, size)).build());
        double[] mbps = new double[runs];
        double[] cpuMbps = new double[runs];
        String hex = null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Digest d = store.hash(file.getFileName().toString(), HashAlgorithm.SHA_256);
            long nanos = System.nanoTime() - t0;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
            hex = d.hex();
            mbps[i] = size / 1e6 / (nanos / 1e9);
            cpuMbps[i] = size / 1e6 / (cpuNanos / 1e9);
            System.out.printf(Locale.ROOT, "run %d: wall %.3f s = %.1f MB/s, cpu %.3f s = %.1f MB/s%n", i + 1,
                    nanos / 1e9, mbps[i], cpuNanos / 1e9, cpuMbps[i]);
        }
        Arrays.sort(mbps);
        Arrays.sort(cpuMbps);
        // On a shared machine wall time mostly measures the other tenants; MB per CPU-second is the stable figure.
        System.out.printf(Locale.ROOT, "SHA-256(%s)= %s%nbest %.1f MB/s wall, best %.1f MB/s per cpu-second,"
                        + " over %d runs of %d bytes%n", file.getFileName(), hex, mbps[runs - 1], cpuMbps[runs - 1],
                runs, size);
    }
}
