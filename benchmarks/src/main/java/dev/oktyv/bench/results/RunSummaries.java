package dev.oktyv.bench.results;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;
import dev.oktyv.results.JsonInput;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunMetadata;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/** Reads the summary of one run folder; a damaged folder yields an "unreadable" summary, never an exception. */
public final class RunSummaries {

    private RunSummaries() {
    }

    public static RunSummary read(RunFolder folder) {
        String count = benchmarkCount(folder);
        try {
            RunMetadata m = folder.readMetadata();
            String commit = m.git().shortCommit() + (m.git().dirty() ? "-dirty" : "");
            return new RunSummary(folder.id(), commit, m.startedAt(), m.status().wireName(), count);
        } catch (IOException | IllegalArgumentException e) {
            String commit = folder.id().shortCommit() + (folder.id().dirty() ? "-dirty" : "");
            // The reason is the codec's own one line ("malformed run.json: line 3, column 7: expected …").
            return new RunSummary(folder.id(), commit, folder.id().startedAt(),
                    "unreadable: " + (e instanceof NoSuchFileException ? "no " + RunFolder.RUN_JSON : e.getMessage()), count);
        }
    }

    /**
     * Counts the top-level entries of {@code jmh.json} (one per benchmark and parameter combination) by streaming,
     * because rawData makes these files large: the count, {@code -} when the run has no {@code jmh.json},
     * {@code empty} when it has no bytes, or
     * {@code unreadable: <file>: <where and what>} when it is damaged.
     */
    static String benchmarkCount(RunFolder folder) {
        if (!Files.isRegularFile(folder.jmhJson())) {
            return "-";
        }
        if (!folder.hasJmhResults()) {
            return "empty"; // what a run that died before JMH wrote anything leaves
        }
        try (Reader r = Files.newBufferedReader(folder.jmhJson(), StandardCharsets.UTF_8);
             JsonReader json = JsonInput.strictReader(r)) {
            int n = 0;
            json.beginArray();
            while (json.hasNext()) {
                json.skipValue();
                n++;
            }
            json.endArray();
            try {
                json.peek(); // anything after the array is damage too
            } catch (EOFException | MalformedJsonException e) {
                return "unreadable: " + RunFolder.JMH_JSON + ": " + JsonInput.explainTrailing(e).getMessage();
            }
            return Integer.toString(n);
        } catch (EOFException | MalformedJsonException | JsonParseException | IllegalStateException e) {
            return "unreadable: " + RunFolder.JMH_JSON + ": " + JsonInput.explain(e).getMessage();
        } catch (IOException e) {
            return "unreadable: " + RunFolder.JMH_JSON + ": " + e.getMessage();
        }
    }
}
