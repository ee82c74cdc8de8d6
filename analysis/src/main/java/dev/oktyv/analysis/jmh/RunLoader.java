package dev.oktyv.analysis.jmh;

import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** Loads a {@link Run} from its folder: {@code run.json} when present and {@code jmh.json} when present. */
public final class RunLoader {

    private RunLoader() {
    }

    public static Run load(RunFolder folder) throws IOException {
        Optional<RunMetadata> meta = Optional.empty();
        if (Files.isRegularFile(folder.runJson())) {
            try {
                meta = Optional.of(folder.readMetadata());
            } catch (RuntimeException e) {
                throw new IOException(folder.runJson() + ": " + e.getMessage(), e);
            }
        }
        List<BenchmarkResult> results = folder.hasJmhResults() ? JmhJsonReader.read(folder.jmhJson()) : List.of();
        return new Run(folder, meta, results);
    }
}
