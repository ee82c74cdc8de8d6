package dev.oktyv.analysis.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run-folder golden files, which live with their owner in {@code results-model}'s test resources. Read from
 * the source tree (tests run in the module folder) rather than copied, so there is one golden file per format.
 */
public final class ResultsGolden {

    private static final Path ROOT = Path.of("..", "results-model", "src", "test", "resources", "dev", "oktyv", "results");

    private ResultsGolden() {
    }

    /** {@code name} relative to {@code dev/oktyv/results/}, e.g. {@code load/summary-v1.json}. */
    public static String read(String name) throws IOException {
        Path file = ROOT.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException("golden file " + file.toAbsolutePath() + " not found (tests must run in the module folder)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
