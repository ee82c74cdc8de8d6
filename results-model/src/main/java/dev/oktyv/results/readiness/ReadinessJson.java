package dev.oktyv.results.readiness;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.JsonText;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.StressResult;
import dev.oktyv.results.load.StressResultJson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code production-hardening-results.json}, format version {@value ReadinessReport#FORMAT_VERSION}:
 * <pre>
 * { "formatVersion": 1, "startedAt": ISO-8601, "elapsedSeconds": n, "quick": bool,
 *   "verdict": "ready" | "not-ready",
 *   "criteria": { the {@link Criteria} components by name },
 *   "plugins": [ { "kind": "load-scenario" | "security-probe" | "recovery-probe" | "health-check", "id",
 *                  "className", "source": jar or directory name } ] (empty when none was loaded),
 *   "phases": [ { "phase": "load"…, "title", "selected": bool, "status": "ready" | "not-ready" | "not-run",
 *                 "notRunReason": text | null, "band": "excellent" | "good" | "acceptable" | "needs-work" | null,
 *                 "elapsedSeconds": n | null (not run),
 *                 "criteria": [ { "requirement", "measured", "met",
 *                                 "notApplicable": why it does not apply (then not met, not failed) | null } ],
 *                 "figures": [ { "name", "value": number | null (not measured), "unit" } ],
 *                 "stress": (load phase only) the steps and highest passing step (field {@code knee}) as in
 *                           {@code stress.json} | null (not run),
 *                 "evidence": only in the performance phase: {@link PerformanceEvidenceJson} | null } … ] }
 * </pre>
 * Phases are always all five, in run order. The performance phase's {@code evidence}, the load phase's
 * {@code stress} and the criteria's {@code notApplicable} were added within format version 1 (additive fields);
 * {@link #read} takes a file without them as having none.
 */
public final class ReadinessJson {

    private ReadinessJson() {
    }

    public static String write(ReadinessReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", r.formatVersion());
        o.addProperty("startedAt", r.startedAt().toString());
        o.add("elapsedSeconds", JsonText.number(r.elapsed().toNanos() / 1e9));
        o.addProperty("quick", r.quick());
        o.addProperty("verdict", r.ready() ? "ready" : "not-ready");
        o.add("criteria", criteria(r.criteria()));
        JsonArray plugins = new JsonArray();
        for (PluginRef p : r.plugins()) {
            JsonObject j = new JsonObject();
            j.addProperty("kind", p.kind().wireName());
            j.addProperty("id", p.id());
            j.addProperty("className", p.className());
            j.addProperty("source", p.source());
            plugins.add(j);
        }
        o.add("plugins", plugins);
        JsonArray phases = new JsonArray();
        for (PhaseResult p : r.phases()) {
            JsonObject j = new JsonObject();
            j.addProperty("phase", p.phase().wireName());
            j.addProperty("title", p.phase().title());
            j.addProperty("selected", r.selected().contains(p.phase()));
            j.addProperty("status", p.status().wireName());
            j.add("notRunReason", JsonText.text(p.notRunReason()));
            j.add("band", p.band().<com.google.gson.JsonElement>map(b -> new JsonPrimitive(b.wireName()))
                    .orElse(JsonNull.INSTANCE));
            // A phase that did not run took no measurable time: null, not 0.
            j.add("elapsedSeconds", p.status() == PhaseStatus.NOT_RUN ? JsonNull.INSTANCE
                    : JsonText.number(p.elapsed().toNanos() / 1e9));
            JsonArray cs = new JsonArray();
            for (CriterionOutcome c : p.criteria()) {
                JsonObject cj = new JsonObject();
                cj.addProperty("requirement", c.requirement());
                cj.addProperty("measured", c.measured());
                cj.addProperty("met", c.met());
                cj.add("notApplicable", JsonText.text(c.notApplicable()));
                cs.add(cj);
            }
            j.add("criteria", cs);
            if (p.phase() == Phase.LOAD) {
                // The stress.json of the steps, embedded as it is (its own format version and golden file).
                j.add("stress", r.stress().<JsonElement>map(st -> JsonParser.parseString(StressResultJson.write(st)))
                        .orElse(JsonNull.INSTANCE));
            }
            JsonArray fs = new JsonArray();
            for (Figure f : p.figures()) {
                JsonObject fj = new JsonObject();
                fj.addProperty("name", f.name());
                fj.add("value", JsonText.number(f.value()));
                fj.addProperty("unit", f.unit());
                fs.add(fj);
            }
            j.add("figures", fs);
            if (p.phase() == Phase.PERFORMANCE) {
                j.add("evidence", r.performance().<com.google.gson.JsonElement>map(PerformanceEvidenceJson::write)
                        .orElse(JsonNull.INSTANCE));
            }
            phases.add(j);
        }
        o.add("phases", phases);
        return JsonText.write(o);
    }

    /** Writes the report atomically into the run folder. */
    public static void write(RunFolder folder, ReadinessReport r) throws IOException {
        AtomicFiles.writeString(folder.readinessJson(), write(r));
    }

    /**
     * Parses {@code production-hardening-results.json} (format version 1, with or without the performance
     * evidence); any structural problem is one {@link IllegalArgumentException} line naming the field.
     */
    public static ReadinessReport read(String json) {
        try {
            JsonObject o = dev.oktyv.results.JsonInput.parse(json).getAsJsonObject();
            int version = required(o, "formatVersion").getAsInt();
            if (version != ReadinessReport.FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported " + RunFolder.READINESS_JSON + " formatVersion "
                        + version + " (this suite reads " + ReadinessReport.FORMAT_VERSION + ")");
            }
            Criteria criteria = CriteriaJson.read(required(o, "criteria").toString());
            List<PluginRef> plugins = new ArrayList<>();
            for (JsonElement e : required(o, "plugins").getAsJsonArray()) {
                JsonObject j = e.getAsJsonObject();
                plugins.add(new PluginRef(PluginKind.fromWire(text(j, "kind")), text(j, "id"), text(j, "className"),
                        text(j, "source")));
            }
            Set<Phase> selected = EnumSet.noneOf(Phase.class);
            List<PhaseResult> phases = new ArrayList<>();
            Optional<PerformanceEvidence> evidence = Optional.empty();
            Optional<StressResult> stress = Optional.empty();
            for (JsonElement e : required(o, "phases").getAsJsonArray()) {
                JsonObject j = e.getAsJsonObject();
                Phase phase = Phase.fromWire(text(j, "phase"));
                if (required(j, "selected").getAsBoolean()) {
                    selected.add(phase);
                }
                phases.add(phase(phase, j));
                if (j.has("stress") && !j.get("stress").isJsonNull()) {
                    stress = Optional.of(StressResultJson.read(j.get("stress").toString()));
                }
                if (j.has("evidence") && !j.get("evidence").isJsonNull()) {
                    evidence = Optional.of(PerformanceEvidenceJson.read(j.getAsJsonObject("evidence")));
                }
            }
            double elapsed = PerformanceEvidenceJson.number(o, "elapsedSeconds");
            return new ReadinessReport(version, Instant.parse(text(o, "startedAt")),
                    Duration.ofNanos(Double.isNaN(elapsed) ? 0 : Math.round(elapsed * 1e9)),
                    required(o, "quick").getAsBoolean(), criteria, selected, phases, plugins, stress, evidence);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid " + RunFolder.READINESS_JSON + ": " + e.getMessage(), e);
        }
    }

    /** Reads the run folder's verdict file. */
    public static ReadinessReport read(RunFolder folder) throws IOException {
        return read(Files.readString(folder.readinessJson(), StandardCharsets.UTF_8));
    }

    private static PhaseResult phase(Phase phase, JsonObject j) {
        PhaseStatus status = PhaseStatus.fromWire(text(j, "status"));
        JsonElement reason = required(j, "notRunReason");
        JsonElement band = required(j, "band");
        List<CriterionOutcome> cs = new ArrayList<>();
        for (JsonElement e : required(j, "criteria").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            // notApplicable came within format version 1 (additive): a file without it judged every criterion.
            JsonElement na = c.get("notApplicable");
            cs.add(new CriterionOutcome(text(c, "requirement"), text(c, "measured"), required(c, "met").getAsBoolean(),
                    na == null || na.isJsonNull() ? Optional.empty() : Optional.of(na.getAsString())));
        }
        List<Figure> fs = new ArrayList<>();
        for (JsonElement e : required(j, "figures").getAsJsonArray()) {
            JsonObject f = e.getAsJsonObject();
            fs.add(new Figure(text(f, "name"), PerformanceEvidenceJson.number(f, "value"), text(f, "unit")));
        }
        double elapsed = PerformanceEvidenceJson.number(j, "elapsedSeconds");
        return new PhaseResult(phase, status, reason.isJsonNull() ? Optional.empty() : Optional.of(reason.getAsString()),
                band.isJsonNull() ? Optional.empty() : Optional.of(Band.fromWire(band.getAsString())), cs, fs,
                Double.isNaN(elapsed) ? Duration.ZERO : Duration.ofNanos(Math.round(elapsed * 1e9)));
    }

    private static String text(JsonObject o, String field) {
        return required(o, field).getAsString();
    }

    static JsonElement required(JsonObject o, String field) {
        if (o == null || !o.has(field)) {
            throw new IllegalArgumentException("not a valid " + RunFolder.READINESS_JSON + ": missing field '" + field
                    + "'");
        }
        return o.get(field);
    }

    private static JsonObject criteria(Criteria c) {
        JsonObject o = new JsonObject();
        o.addProperty("loadMaxErrorRatePercent", c.loadMaxErrorRatePercent());
        o.addProperty("securityMinScore", c.securityMinScore());
        o.addProperty("securityForbidCritical", c.securityForbidCritical());
        o.addProperty("performanceMaxAverageMillis", c.performanceMaxAverageMillis());
        o.addProperty("performanceMaxP95Millis", c.performanceMaxP95Millis());
        o.addProperty("recoveryMinSuccessPercent", c.recoveryMinSuccessPercent());
        return o;
    }
}
