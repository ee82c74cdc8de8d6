package dev.oktyv.bench.results;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunMetadata;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.OptionalInt;

/** Reads the summary of one run folder; a damaged folder yields an "unreadable" summary, never an exception. */
public final class RunSummaries {

    private RunSummaries() {
    }

    public static RunSummary read(RunFolder folder) {
        OptionalInt count = benchmarkCount(folder);
        try {
            RunMetadata m = folder.readMetadata();
            String commit = m.git().shortCommit() + (m.git().dirty() ? "-dirty" : "");
            return new RunSummary(folder.id(), commit, m.startedAt(), m.status().wireName(), count);
        } catch (IOException | IllegalArgumentException e) {
            String commit = folder.id().shortCommit() + (folder.id().dirty() ? "-dirty" : "");
            return new RunSummary(folder.id(), commit, folder.id().startedAt(),
                    "unreadable: " + (e instanceof java.nio.file.NoSuchFileException ? "no run.json" : "bad run.json"), count);
        }
    }

    /**
     * Counts the top-level entries of {@code jmh.json} (one per benchmark and parameter combination) by streaming,
     * because rawData makes these files large. Empty when there is no {@code jmh.json} or it cannot be parsed.
     */
    static OptionalInt benchmarkCount(RunFolder folder) {
        if (!Files.isRegularFile(folder.jmhJson())) {
            return OptionalInt.empty();
        }
        try (Reader r = Files.newBufferedReader(folder.jmhJson(), StandardCharsets.UTF_8);
             JsonReader json = new JsonReader(r)) {
            int n = 0;
            json.beginArray();
            while (json.hasNext()) {
                json.skipValue();
                n++;
            }
            json.endArray();
            return OptionalInt.of(n);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return OptionalInt.empty();
        }
    }
}
