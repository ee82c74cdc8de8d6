package dev.oktyv.analysis.compare;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.results.JsonText;

/**
 * Comparison JSON, format version {@value Comparison#FORMAT_VERSION}; sealed by the golden file
 * {@code compare/comparison-v1.json}. Non-finite numbers are written as JSON {@code null}: they are
 * "not applicable", and JSON has no NaN. Fields were only ever added to version 1 (observedChange, mde,
 * forksPerSideForThreshold, mdeReason, allocationFloorBytes, untestable), none changed meaning, so a version-1
 * reader that ignores unknown fields still reads it.
 * <pre>
 * {"formatVersion":1, "baseline":{"run","commit","runs":[every run pooled into the side],"minForks","maxForks"},
 *  "candidate":{...}, "threshold":0.05, "alpha":0.01,
 *  "allocationFloorBytes":8, "untestable": null or "1 fork per side: no test is possible; …",
 *  "summary":{"regressed":n,"improved":n,"unchanged":n,"inconclusive":n},
 *  "warnings":[...], "results":[{"benchmark","mode","params":{},"metric","unit","direction",
 *    "baseline":{"score","error"},"candidate":{...},"change","ciLower","ciUpper","pValue",
 *    "observedChange", "baselineForks","candidateForks","verdict","reason","mde","forksPerSideForThreshold",
 *    "mdeReason","flameDiff"}],
 *  "added":[{"benchmark","mode","params"}], "removed":[...]}
 * </pre>
 */
public final class JsonWriter implements ComparisonWriter {

    @Override
    public String write(Comparison c) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", Comparison.FORMAT_VERSION);
        o.add("baseline", side(c.baseline()));
        o.add("candidate", side(c.candidate()));
        o.add("threshold", JsonText.number(c.policy().threshold()));
        o.add("alpha", JsonText.number(c.policy().alpha()));
        o.add("allocationFloorBytes", JsonText.number(c.policy().allocationFloorBytes()));
        o.add("untestable", JsonText.text(c.untestableNote()));
        JsonObject summary = new JsonObject();
        for (var v : dev.oktyv.analysis.stats.Verdict.values()) {
            summary.addProperty(v.wireName(), c.count(v));
        }
        o.add("summary", summary);
        JsonArray warnings = new JsonArray();
        c.warnings().forEach(warnings::add);
        o.add("warnings", warnings);
        JsonArray results = new JsonArray();
        for (MetricComparison r : c.rows()) {
            JsonObject j = id(r.id());
            j.addProperty("metric", r.metric());
            j.addProperty("unit", r.unit());
            j.addProperty("direction", r.direction().wireName());
            j.add("baseline", score(r.baselineScore(), r.baselineError()));
            j.add("candidate", score(r.candidateScore(), r.candidateError()));
            j.add("change", JsonText.number(r.change().estimate()));
            j.add("observedChange", JsonText.number(r.observedChange()));
            j.add("ciLower", JsonText.number(r.change().lower()));
            j.add("ciUpper", JsonText.number(r.change().upper()));
            j.add("pValue", JsonText.number(r.change().pValue()));
            j.addProperty("baselineForks", r.change().baselineForks());
            j.addProperty("candidateForks", r.change().candidateForks());
            j.addProperty("verdict", r.verdict().wireName());
            j.addProperty("reason", r.why());
            j.add("mde", JsonText.number(r.detectable().mde()));
            if (r.detectable().forksPerSide().isPresent()) {
                j.addProperty("forksPerSideForThreshold", r.detectable().forksPerSide().getAsInt());
            } else {
                j.add("forksPerSideForThreshold", JsonText.number(Double.NaN));
            }
            j.add("mdeReason", JsonText.text(r.detectable().applicable() ? java.util.Optional.empty()
                    : java.util.Optional.of(r.detectable().reason())));
            j.add("flameDiff", JsonText.text(r.flameDiff()));
            results.add(j);
        }
        o.add("results", results);
        JsonArray added = new JsonArray();
        c.added().forEach(id -> added.add(id(id)));
        o.add("added", added);
        JsonArray removed = new JsonArray();
        c.removed().forEach(id -> removed.add(id(id)));
        o.add("removed", removed);
        return JsonText.write(o);
    }

    private static JsonObject side(Comparison.Side s) {
        JsonObject o = new JsonObject();
        o.addProperty("run", s.runId());
        o.addProperty("commit", s.commit());
        com.google.gson.JsonArray runs = new com.google.gson.JsonArray();
        s.runs().forEach(runs::add);
        o.add("runs", runs);
        o.addProperty("minForks", s.minForks());
        o.addProperty("maxForks", s.maxForks());
        return o;
    }

    private static JsonObject id(BenchmarkId id) {
        JsonObject o = new JsonObject();
        o.addProperty("benchmark", id.benchmark());
        o.addProperty("mode", id.mode().shortName());
        JsonObject p = new JsonObject();
        id.params().forEach(p::addProperty);
        o.add("params", p);
        return o;
    }

    private static JsonObject score(double score, double error) {
        JsonObject o = new JsonObject();
        o.add("score", JsonText.number(score));
        o.add("error", JsonText.number(error));
        return o;
    }

}
