package dev.oktyv.bench.run;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.oktyv.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a run's {@code jmh.json} from one JMH JSON array per benchmark and rewrites it atomically after each, so
 * an interrupted run keeps every benchmark that finished. The merge is textual: each element stays byte for byte
 * what JMH wrote (rawData included); only the enclosing brackets and the separating commas are the suite's.
 */
final class JmhJsonAccumulator {

    private final Path target;
    private final List<String> chunks = new ArrayList<>();
    private int elements;

    JmhJsonAccumulator(Path target) {
        this.target = target;
    }

    /** Appends the elements of one JMH JSON array and rewrites the target; an empty array changes nothing. */
    void append(String jmhJsonArray) throws IOException {
        int count = arraySize(jmhJsonArray, "JMH's JSON output");
        if (count == 0) {
            return;
        }
        chunks.add(inner(jmhJsonArray));
        elements += count;
        String merged = merged();
        int check = arraySize(merged, "merged jmh.json");
        if (check != elements) {
            throw new IllegalStateException("merged jmh.json holds " + check + " results, expected " + elements);
        }
        AtomicFiles.writeString(target, merged);
    }

    int elements() {
        return elements;
    }

    String merged() {
        return "[\n" + String.join(",\n", chunks) + "\n]\n";
    }

    private static String inner(String array) {
        String s = array.strip();
        String in = s.substring(1, s.length() - 1);
        int start = 0;
        while (start < in.length() && (in.charAt(start) == '\n' || in.charAt(start) == '\r')) {
            start++;
        }
        return in.substring(start).stripTrailing();
    }

    private static int arraySize(String json, String what) {
        String s = json.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException(what + " is not a JSON array");
        }
        try {
            return JsonParser.parseString(s).getAsJsonArray().size();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
