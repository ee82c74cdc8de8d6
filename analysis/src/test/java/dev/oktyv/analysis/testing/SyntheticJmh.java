package dev.oktyv.analysis.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes JMH-shaped JSON (the fields our reader uses, as JMH 1.37 writes them) for synthetic results. */
public final class SyntheticJmh {

    private final List<String> entries = new ArrayList<>();

    public SyntheticJmh add(String benchmark, String mode, Map<String, String> params, String unit,
                            double[][] forks, double[][] allocNormForks) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"jmhVersion\":\"1.37\",\"benchmark\":\"").append(benchmark).append("\",\"mode\":\"").append(mode)
                .append("\",\"threads\":1,\"forks\":").append(forks.length).append(",\"warmupIterations\":1,")
                .append("\"measurementIterations\":").append(forks.length == 0 ? 0 : forks[0].length).append(",\"params\":{");
        int i = 0;
        for (var e : params.entrySet()) {
            sb.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
        }
        sb.append("},\"primaryMetric\":").append(metric(unit, forks)).append(",\"secondaryMetrics\":{");
        if (allocNormForks != null) {
            sb.append("\"gc.alloc.rate.norm\":").append(metric("B/op", allocNormForks));
        }
        sb.append("}}");
        entries.add(sb.toString());
        return this;
    }

    public String json() {
        return "[\n" + String.join(",\n", entries) + "\n]\n";
    }

    private static String metric(String unit, double[][] forks) {
        double sum = 0;
        int n = 0;
        StringBuilder raw = new StringBuilder("[");
        for (int f = 0; f < forks.length; f++) {
            raw.append(f > 0 ? "," : "").append('[');
            for (int i = 0; i < forks[f].length; i++) {
                raw.append(i > 0 ? "," : "").append(num(forks[f][i]));
                sum += forks[f][i];
                n++;
            }
            raw.append(']');
        }
        raw.append(']');
        double score = n == 0 ? Double.NaN : sum / n;
        return "{\"score\":" + num(score) + ",\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],"
                + "\"scoreUnit\":\"" + unit + "\",\"rawData\":" + raw + "}";
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "\"NaN\"" : String.format(Locale.ROOT, "%.6f", d);
    }
}
