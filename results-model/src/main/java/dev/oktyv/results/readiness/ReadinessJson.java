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
import dev.oktyv.results.load.StressResultJson;
import java.io.IOException;

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
 *                 "stress": (load phase only) the steps and knee as in {@code stress.json} | null (not run) } … ] }
 * </pre>
 * Phases are always all five, in run order.
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
            phases.add(j);
        }
        o.add("phases", phases);
        return JsonText.write(o);
    }

    /** Writes the report atomically into the run folder. */
    public static void write(RunFolder folder, ReadinessReport r) throws IOException {
        AtomicFiles.writeString(folder.readinessJson(), write(r));
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
