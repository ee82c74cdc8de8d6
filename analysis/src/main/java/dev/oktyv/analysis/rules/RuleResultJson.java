package dev.oktyv.analysis.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.oktyv.results.JsonText;
import java.nio.file.Path;
import java.util.List;

/**
 * Analysis JSON ({@code analyze --format json}), format version {@value #FORMAT_VERSION}; sealed by the golden file
 * {@code rules/analysis-v1.json}. For a nightly job or a CI gate that wants the findings, not the prose. A number
 * that is not finite is {@code null} ("not applicable"; JSON has no NaN); an absent impact bound or reason too.
 * <pre>
 * {"formatVersion":1, "run":"20261128T...", "worst":"ok|info|warning|critical",
 *  "results":[{"rule","title","severity","applicable","notApplicable","summary","impactBound","explanation","fix",
 *    "evidence":[{"subject","quantity","value","unit","source"}], "thresholds":[{"name","value","unit"}]}]}
 * </pre>
 * {@code source} is relative to the run folder when it lies inside it.
 */
public final class RuleResultJson {

    public static final int FORMAT_VERSION = 1;

    private RuleResultJson() {
    }

    public static String write(String runId, List<RuleResult> results, Path runDir) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("run", runId);
        Severity worst = results.stream().map(RuleResult::severity).reduce(Severity.OK, Severity::max);
        o.addProperty("worst", worst.wireName());
        JsonArray rs = new JsonArray();
        for (RuleResult r : results) {
            JsonObject j = new JsonObject();
            j.addProperty("rule", r.ruleId());
            j.addProperty("title", r.title());
            j.addProperty("severity", r.severity().wireName());
            j.addProperty("applicable", r.applicable());
            j.add("notApplicable", JsonText.text(r.notApplicable()));
            j.addProperty("summary", r.summary());
            j.add("impactBound", JsonText.text(r.impactBound()));
            j.addProperty("explanation", r.explanation());
            j.addProperty("fix", r.fix());
            JsonArray ev = new JsonArray();
            for (Evidence e : r.evidence()) {
                JsonObject x = new JsonObject();
                x.addProperty("subject", e.subject());
                x.addProperty("quantity", e.quantity());
                x.add("value", JsonText.number(e.value()));
                x.addProperty("unit", e.unit());
                x.addProperty("source", source(runDir, e.source()));
                ev.add(x);
            }
            j.add("evidence", ev);
            JsonArray th = new JsonArray();
            for (Threshold t : r.thresholds()) {
                JsonObject x = new JsonObject();
                x.addProperty("name", t.name());
                x.add("value", JsonText.number(t.value()));
                x.addProperty("unit", t.unit());
                th.add(x);
            }
            j.add("thresholds", th);
            rs.add(j);
        }
        o.add("results", rs);
        return JsonText.write(o);
    }

    /** Relative inside the run folder (the folder may move), absolute outside it: "../../x" would mislead. */
    private static String source(Path runDir, Path source) {
        Path run = runDir.toAbsolutePath().normalize();
        Path src = source.toAbsolutePath().normalize();
        return src.startsWith(run) ? run.relativize(src).toString() : src.toString();
    }

}
