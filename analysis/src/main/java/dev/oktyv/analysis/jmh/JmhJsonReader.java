package dev.oktyv.analysis.jmh;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.ConfidenceInterval;
import dev.oktyv.analysis.model.Metric;
import dev.oktyv.analysis.model.Mode;
import dev.oktyv.results.JsonInput;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's {@code -rf json} output (any 1.x version). Handles what JMH really writes:
 * <ul>
 *   <li>non-finite numbers as the strings {@code "NaN"}, {@code "INF"}, {@code "-INF"} (JSON has no literal);</li>
 *   <li>{@code rawData} per fork (thrpt, avgt, ss), {@code rawDataHistogram} per fork and iteration as
 *       {@code [value, count]} pairs (sample mode);</li>
 *   <li>an empty or missing {@code rawData} when run with {@code -Djmh.json.rawData=false};</li>
 *   <li>secondary metric names with the {@code ·} prefix (JMH up to 1.36) and without it (1.37).</li>
 * </ul>
 */
public final class JmhJsonReader {

    /** JMH up to 1.36 prefixed profiler metrics with a middle dot (U+00B7). */
    static final String OLD_PREFIX = "\u00b7";

    private JmhJsonReader() {
    }

    public static List<BenchmarkResult> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (JmhFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public static List<BenchmarkResult> read(Reader in, String source) {
        JsonElement root;
        try {
            root = JsonInput.parse(in);
        } catch (JsonParseException e) {
            throw new JmhFormatException(source + ": " + e.getMessage());
        }
        if (root.isJsonNull()) {
            return List.of();
        }
        if (!root.isJsonArray()) {
            throw new JmhFormatException(source + ": expected a JSON array of JMH results, found " + kind(root));
        }
        List<BenchmarkResult> out = new ArrayList<>();
        int i = 0;
        for (JsonElement e : root.getAsJsonArray()) {
            try {
                out.add(result(e.getAsJsonObject()));
            } catch (RuntimeException ex) {
                throw new JmhFormatException(source + ": entry " + i + ": " + ex.getMessage());
            }
            i++;
        }
        return out;
    }

    private static BenchmarkResult result(JsonObject o) {
        Mode mode = Mode.fromShortName(string(o, "mode"));
        Map<String, String> params = new TreeMap<>();
        if (o.has("params") && o.get("params").isJsonObject()) {
            o.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        BenchmarkId id = BenchmarkId.of(string(o, "benchmark"), mode, params);
        Metric primary = metric(Metric.PRIMARY, required(o, "primaryMetric").getAsJsonObject());
        TreeMap<String, Metric> secondary = new TreeMap<>();
        if (o.has("secondaryMetrics") && o.get("secondaryMetrics").isJsonObject()) {
            for (var e : o.getAsJsonObject("secondaryMetrics").entrySet()) {
                String name = normaliseName(e.getKey());
                secondary.put(name, metric(name, e.getValue().getAsJsonObject()));
            }
        }
        return new BenchmarkResult(id, integer(o, "threads"), integer(o, "forks"), integer(o, "warmupIterations"),
                integer(o, "measurementIterations"), optString(o, "jmhVersion"), optString(o, "jdkVersion"),
                primary, secondary);
    }

    static String normaliseName(String name) {
        return name.startsWith(OLD_PREFIX) ? name.substring(OLD_PREFIX.length()) : name;
    }

    private static Metric metric(String name, JsonObject m) {
        double score = number(required(m, "score"));
        double error = m.has("scoreError") ? number(m.get("scoreError")) : Double.NaN;
        ConfidenceInterval ci = ConfidenceInterval.UNKNOWN;
        if (m.has("scoreConfidence") && m.get("scoreConfidence").isJsonArray()) {
            JsonArray a = m.getAsJsonArray("scoreConfidence");
            double lo = number(a.get(0));
            double hi = number(a.get(1));
            ci = Double.isNaN(lo) || Double.isNaN(hi) ? ConfidenceInterval.UNKNOWN : new ConfidenceInterval(lo, hi);
        }
        String unit = m.has("scoreUnit") ? m.get("scoreUnit").getAsString() : "";
        List<List<Double>> forks = new ArrayList<>();
        if (m.has("rawData") && m.get("rawData").isJsonArray()) {
            for (JsonElement fork : m.getAsJsonArray("rawData")) {
                List<Double> its = new ArrayList<>();
                fork.getAsJsonArray().forEach(v -> its.add(number(v)));
                forks.add(its);
            }
        } else if (m.has("rawDataHistogram") && m.get("rawDataHistogram").isJsonArray()) {
            for (JsonElement fork : m.getAsJsonArray("rawDataHistogram")) {
                List<Double> its = new ArrayList<>();
                fork.getAsJsonArray().forEach(it -> its.add(histogramMean(it.getAsJsonArray())));
                forks.add(its);
            }
        }
        return Metric.of(name, unit, score, error, ci, forks);
    }

    /** Mean of one sample-mode iteration: {@code [[value, count], ...]}. */
    private static double histogramMean(JsonArray pairs) {
        double sum = 0;
        long n = 0;
        for (JsonElement p : pairs) {
            JsonArray vc = p.getAsJsonArray();
            long count = vc.get(1).getAsLong();
            sum += number(vc.get(0)) * count;
            n += count;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        String s = p.getAsString().trim();
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "INF", "+INF", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(s);
                } catch (NumberFormatException ex) {
                    throw new JmhFormatException("'" + s + "' is not a number");
                }
            }
        };
    }

    private static JsonElement required(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new JmhFormatException("missing field '" + field + "'");
        }
        return e;
    }

    private static String string(JsonObject o, String field) {
        return required(o, field).getAsString();
    }

    private static String optString(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "unknown";
    }

    private static int integer(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsInt() : 0;
    }

    private static String kind(JsonElement e) {
        return e.isJsonObject() ? "an object" : e.isJsonPrimitive() ? "a value" : "something else";
    }

    /** A jmh.json that is not what JMH writes; the message names the file and the entry. */
    public static final class JmhFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public JmhFormatException(String message) {
            super(message);
        }
    }
}
