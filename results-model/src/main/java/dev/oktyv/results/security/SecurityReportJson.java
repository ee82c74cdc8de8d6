package dev.oktyv.results.security;

import dev.oktyv.results.probe.ProbeVerdict;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import dev.oktyv.results.JsonText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code security.json} format, version {@value SecurityReport#FORMAT_VERSION}; sealed by the golden file
 * {@code security-v1.json} in the tests. Durations are milliseconds ({@code ...Millis}); the score block is derived
 * from the findings and written for readers that do not want to recompute it (a NaN score, nothing run, is
 * {@code null}). Field order is fixed so files diff cleanly.
 */
public final class SecurityReportJson {

    private SecurityReportJson() {
    }

    public static String write(SecurityReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", r.formatVersion());
        o.addProperty("startedAt", r.startedAt().toString());
        o.addProperty("elapsedMillis", r.elapsed().toMillis());
        JsonArray cats = new JsonArray();
        r.categories().forEach(c -> cats.add(c.wireName()));
        o.add("categories", cats);
        JsonArray notes = new JsonArray();
        r.notes().forEach(notes::add);
        o.add("notes", notes);
        o.add("score", score(r.score()));
        JsonArray findings = new JsonArray();
        for (SecurityFinding f : r.findings()) {
            JsonObject j = new JsonObject();
            j.addProperty("probeId", f.probeId());
            j.addProperty("category", f.category().wireName());
            j.addProperty("severity", f.severity().wireName());
            j.addProperty("title", f.title());
            j.addProperty("verdict", f.verdict().wireName());
            j.addProperty("action", f.action());
            JsonArray ev = new JsonArray();
            f.evidence().forEach(ev::add);
            j.add("evidence", ev);
            j.addProperty("fix", f.fix());
            j.add("reason", JsonText.text(f.reason()));
            j.addProperty("elapsedMillis", f.elapsed().toMillis());
            findings.add(j);
        }
        o.add("findings", findings);
        return JsonText.write(o);
    }

    private static JsonObject score(SecurityScore s) {
        JsonObject o = new JsonObject();
        o.add("score", JsonText.number(Double.isNaN(s.score()) ? s.score() : Math.round(s.score() * 10) / 10.0));
        o.addProperty("readyScore", SecurityScore.READY_SCORE);
        o.addProperty("ready", s.ready());
        o.addProperty("passedWeight", s.passedWeight());
        o.addProperty("runWeight", s.runWeight());
        o.addProperty("total", s.total());
        o.addProperty("passed", s.passed());
        o.addProperty("failed", s.failed());
        o.addProperty("notApplicable", s.notApplicable());
        o.addProperty("notRun", s.notRun());
        JsonObject by = new JsonObject();
        for (Severity sev : Severity.values()) {
            by.addProperty(sev.wireName(), s.failedBySeverity().get(sev));
        }
        o.add("failedBySeverity", by);
        return o;
    }

    /** Parses {@code security.json}; any structural problem becomes one {@link IllegalArgumentException} line. */
    public static SecurityReport read(String json) {
        try {
            JsonObject o = JsonInput.parse(json).getAsJsonObject();
            int version = required(o, "formatVersion").getAsInt();
            if (version != SecurityReport.FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported security.json formatVersion " + version
                        + " (this suite reads " + SecurityReport.FORMAT_VERSION + ")");
            }
            List<SecurityCategory> cats = new ArrayList<>();
            for (JsonElement e : required(o, "categories").getAsJsonArray()) {
                cats.add(SecurityCategory.fromWire(e.getAsString()));
            }
            List<String> notes = strings(required(o, "notes").getAsJsonArray());
            List<SecurityFinding> findings = new ArrayList<>();
            for (JsonElement e : required(o, "findings").getAsJsonArray()) {
                JsonObject j = e.getAsJsonObject();
                JsonElement reason = required(j, "reason");
                findings.add(new SecurityFinding(required(j, "probeId").getAsString(),
                        SecurityCategory.fromWire(required(j, "category").getAsString()),
                        Severity.fromWire(required(j, "severity").getAsString()),
                        required(j, "title").getAsString(),
                        ProbeVerdict.fromWire(required(j, "verdict").getAsString()),
                        required(j, "action").getAsString(), strings(required(j, "evidence").getAsJsonArray()),
                        required(j, "fix").getAsString(),
                        reason.isJsonNull() ? Optional.empty() : Optional.of(reason.getAsString()),
                        Duration.ofMillis(required(j, "elapsedMillis").getAsLong())));
            }
            return new SecurityReport(Instant.parse(required(o, "startedAt").getAsString()),
                    Duration.ofMillis(required(o, "elapsedMillis").getAsLong()), cats, notes, findings);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid security.json: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static JsonElement required(JsonObject o, String field) {
        if (!o.has(field)) {
            throw new IllegalArgumentException("not a valid security.json: missing field '" + field + "'");
        }
        return o.get(field);
    }
}
