package dev.oktyv.results.readiness;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.oktyv.results.JsonText;
import java.util.ArrayList;
import java.util.List;

/**
 * The performance phase's {@code evidence} object inside {@code production-hardening-results.json}:
 * <pre>
 * { "plan", "jmhJson", "benchmarksRun", "failed": [ name ],
 *   "slowest": [ { "benchmark", "averageMillis", "p95Millis" } ],
 *   "profiled": [ { "benchmark", "reason", "engine", "flameGraphs": [ path ] } ],
 *   "gains": [ { "kind", "label", "speedup", "low", "high", "outcome" } ],
 *   "recommendations": [ { "rule", "title", "severity", "summary", "fix", "evidence": [ line ], "links": [ path ] } ] }
 * </pre>
 * Numbers that were not measured are {@code null}; paths are relative to the run folder.
 */
final class PerformanceEvidenceJson {

    private PerformanceEvidenceJson() {
    }

    static JsonObject write(PerformanceEvidence e) {
        JsonObject o = new JsonObject();
        o.addProperty("plan", e.plan());
        o.addProperty("jmhJson", e.jmhJson());
        o.addProperty("benchmarksRun", e.benchmarksRun());
        o.add("failed", strings(e.failed()));
        JsonArray slowest = new JsonArray();
        for (PerformanceEvidence.OperationTime t : e.slowest()) {
            JsonObject j = new JsonObject();
            j.addProperty("benchmark", t.benchmark());
            j.add("averageMillis", JsonText.number(t.averageMillis()));
            j.add("p95Millis", JsonText.number(t.p95Millis()));
            slowest.add(j);
        }
        o.add("slowest", slowest);
        JsonArray profiled = new JsonArray();
        for (PerformanceEvidence.Profiled p : e.profiled()) {
            JsonObject j = new JsonObject();
            j.addProperty("benchmark", p.benchmark());
            j.addProperty("reason", p.reason());
            j.addProperty("engine", p.engine());
            j.add("flameGraphs", strings(p.flameGraphs()));
            profiled.add(j);
        }
        o.add("profiled", profiled);
        JsonArray gains = new JsonArray();
        for (PerformanceEvidence.Gain g : e.gains()) {
            JsonObject j = new JsonObject();
            j.addProperty("kind", g.kind());
            j.addProperty("label", g.label());
            j.add("speedup", JsonText.number(g.speedup()));
            j.add("low", JsonText.number(g.low()));
            j.add("high", JsonText.number(g.high()));
            j.addProperty("outcome", g.outcome());
            gains.add(j);
        }
        o.add("gains", gains);
        JsonArray recs = new JsonArray();
        for (PerformanceEvidence.Recommendation r : e.recommendations()) {
            JsonObject j = new JsonObject();
            j.addProperty("rule", r.rule());
            j.addProperty("title", r.title());
            j.addProperty("severity", r.severity());
            j.addProperty("summary", r.summary());
            j.addProperty("fix", r.fix());
            j.add("evidence", strings(r.evidence()));
            j.add("links", strings(r.links()));
            recs.add(j);
        }
        o.add("recommendations", recs);
        return o;
    }

    static PerformanceEvidence read(JsonObject o) {
        List<PerformanceEvidence.OperationTime> slowest = new ArrayList<>();
        for (JsonElement e : ReadinessJson.required(o, "slowest").getAsJsonArray()) {
            JsonObject j = e.getAsJsonObject();
            slowest.add(new PerformanceEvidence.OperationTime(text(j, "benchmark"), number(j, "averageMillis"),
                    number(j, "p95Millis")));
        }
        List<PerformanceEvidence.Profiled> profiled = new ArrayList<>();
        for (JsonElement e : ReadinessJson.required(o, "profiled").getAsJsonArray()) {
            JsonObject j = e.getAsJsonObject();
            profiled.add(new PerformanceEvidence.Profiled(text(j, "benchmark"), text(j, "reason"), text(j, "engine"),
                    strings(j, "flameGraphs")));
        }
        List<PerformanceEvidence.Gain> gains = new ArrayList<>();
        for (JsonElement e : ReadinessJson.required(o, "gains").getAsJsonArray()) {
            JsonObject j = e.getAsJsonObject();
            gains.add(new PerformanceEvidence.Gain(text(j, "kind"), text(j, "label"), number(j, "speedup"),
                    number(j, "low"), number(j, "high"), text(j, "outcome")));
        }
        List<PerformanceEvidence.Recommendation> recs = new ArrayList<>();
        for (JsonElement e : ReadinessJson.required(o, "recommendations").getAsJsonArray()) {
            JsonObject j = e.getAsJsonObject();
            recs.add(new PerformanceEvidence.Recommendation(text(j, "rule"), text(j, "title"), text(j, "severity"),
                    text(j, "summary"), text(j, "fix"), strings(j, "evidence"), strings(j, "links")));
        }
        return new PerformanceEvidence(text(o, "plan"), text(o, "jmhJson"),
                ReadinessJson.required(o, "benchmarksRun").getAsInt(), strings(o, "failed"), slowest, profiled, gains,
                recs);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonObject o, String field) {
        List<String> out = new ArrayList<>();
        ReadinessJson.required(o, field).getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static String text(JsonObject o, String field) {
        return ReadinessJson.required(o, field).getAsString();
    }

    static double number(JsonObject o, String field) {
        JsonElement e = ReadinessJson.required(o, field);
        return e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }
}
