package dev.oktyv.bench.files;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.Digest;
import dev.oktyv.system.files.FileStoreConfig;
import dev.oktyv.system.files.HashAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the File engine's SHA-256 on one large file, to compare back to back with {@code openssl dgst -sha256}
 * on the same file (JMH cannot run openssl). Usage: {@code java -cp oktyv-bench.jar
 * dev.oktyv.bench.files.HashThroughputCheck <file> [runs]}. Prints every run and the best, in MB/s (10^6 bytes).
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
        String hex = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Digest d = store.hash(file.getFileName().toString(), HashAlgorithm.SHA_256);
            long nanos = System.nanoTime() - t0;
            hex = d.hex();
            mbps[i] = size / 1e6 / (nanos / 1e9);
            System.out.printf(Locale.ROOT, "run %d: %.3f s, %.1f MB/s%n", i + 1, nanos / 1e9, mbps[i]);
        }
        Arrays.sort(mbps);
        System.out.printf(Locale.ROOT, "SHA-256(%s)= %s%nbest %.1f MB/s, median %.1f MB/s over %d runs of %d bytes%n",
                file.getFileName(), hex, mbps[runs - 1], mbps[runs / 2], runs, size);
    }
}
