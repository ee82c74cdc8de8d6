package dev.oktyv.results.security;

import dev.oktyv.results.probe.ProbeVerdict;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.oktyv.results.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security findings as SARIF 2.1.0 ({@code security.sarif}), so CI code scanning shows them. One rule per
 * probe (title, fix, severity), one result per finding. SARIF's result {@code kind} carries the verdict: fail,
 * pass, notApplicable, and {@code open} for not-run ("the tool could not tell"); only failures have a level
 * other than {@code none}. The findings are about a running system, not a line of source, so results carry a
 * logical location (the probe's category), not a file. Sealed by the golden file {@code security-v1.sarif}.
 */
public final class SecuritySarif {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SARIF_VERSION = "2.1.0";

    private SecuritySarif() {
    }

    /** @param toolVersion the suite version, shown as the driver's version */
    public static String write(SecurityReport report, String toolVersion) {
        Map<String, SecurityFinding> rules = new LinkedHashMap<>();
        report.findings().forEach(f -> rules.putIfAbsent(f.probeId(), f));
        JsonArray ruleArray = new JsonArray();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (SecurityFinding f : rules.values()) {
            ruleIndex.put(f.probeId(), ruleArray.size());
            JsonObject r = new JsonObject();
            r.addProperty("id", f.probeId());
            r.add("shortDescription", text(f.title()));
            r.add("help", text(f.fix()));
            JsonObject cfg = new JsonObject();
            cfg.addProperty("level", level(f.severity()));
            r.add("defaultConfiguration", cfg);
            JsonObject props = new JsonObject();
            JsonArray tags = new JsonArray();
            tags.add("security");
            tags.add(f.category().wireName());
            props.add("tags", tags);
            // GitHub code scanning ranks security alerts by this CVSS-like number, a string by its convention.
            props.addProperty("security-severity", securitySeverity(f.severity()));
            props.addProperty("severity", f.severity().wireName());
            r.add("properties", props);
            ruleArray.add(r);
        }
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "oktyv-bench security");
        driver.addProperty("version", toolVersion);
        driver.add("rules", ruleArray);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);

        JsonArray results = new JsonArray();
        for (SecurityFinding f : report.findings()) {
            JsonObject r = new JsonObject();
            r.addProperty("ruleId", f.probeId());
            r.addProperty("ruleIndex", ruleIndex.get(f.probeId()));
            r.addProperty("kind", kind(f.verdict()));
            r.addProperty("level", f.verdict() == ProbeVerdict.FAIL ? level(f.severity()) : "none");
            r.add("message", text(message(f)));
            JsonObject logical = new JsonObject();
            logical.addProperty("name", f.category().wireName());
            logical.addProperty("kind", "module");
            JsonArray logicals = new JsonArray();
            logicals.add(logical);
            JsonObject location = new JsonObject();
            location.add("logicalLocations", logicals);
            JsonArray locations = new JsonArray();
            locations.add(location);
            r.add("locations", locations);
            JsonObject props = new JsonObject();
            props.addProperty("verdict", f.verdict().wireName());
            props.addProperty("action", f.action());
            JsonArray ev = new JsonArray();
            f.evidence().forEach(ev::add);
            props.add("evidence", ev);
            props.addProperty("elapsedMillis", f.elapsed().toMillis());
            r.add("properties", props);
            results.add(r);
        }

        JsonObject invocation = new JsonObject();
        // A run with not-run probes did not do all it was asked to, which SARIF calls unsuccessful.
        SecurityScore score = report.score();
        invocation.addProperty("executionSuccessful", score.notRun() == 0);
        invocation.addProperty("startTimeUtc", report.startedAt().toString());
        invocation.addProperty("endTimeUtc", report.startedAt().plus(report.elapsed()).toString());
        JsonArray invocations = new JsonArray();
        invocations.add(invocation);

        JsonObject runProps = new JsonObject();
        runProps.add("score", JsonText.number(Double.isNaN(score.score()) ? score.score()
                : Math.round(score.score() * 10) / 10.0));
        runProps.addProperty("ready", score.ready());
        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.add("invocations", invocations);
        run.add("results", results);
        run.add("properties", runProps);
        JsonArray runs = new JsonArray();
        runs.add(run);

        JsonObject sarif = new JsonObject();
        sarif.addProperty("$schema", SCHEMA_URI);
        sarif.addProperty("version", SARIF_VERSION);
        sarif.add("runs", runs);
        return JsonText.write(sarif);
    }

    private static String message(SecurityFinding f) {
        return switch (f.verdict()) {
            case FAIL -> f.title() + ": failed. " + String.join("; ", f.evidence()) + ". Fix: " + f.fix();
            case PASS -> f.title() + ": passed.";
            case NOT_APPLICABLE -> f.title() + ": not applicable: " + f.reason().orElse("");
            case NOT_RUN -> f.title() + ": not run: " + f.reason().orElse("");
        };
    }

    private static String kind(ProbeVerdict v) {
        return switch (v) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NOT_APPLICABLE -> "notApplicable";
            case NOT_RUN -> "open";
        };
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    private static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.0";
            case LOW -> "2.0";
        };
    }

    private static JsonObject text(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("text", s);
        return o;
    }
}
