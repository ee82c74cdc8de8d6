package dev.oktyv.results.recovery;

import dev.oktyv.results.probe.ProbeVerdict;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import com.google.gson.JsonPrimitive;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.JsonText;
import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code recovery.json} format, version {@value RecoveryReport#FORMAT_VERSION}; sealed by the golden file
 * {@code recovery-v2.json} in the tests. Version 1 files ({@code recovery-v1.json}: verdicts {@code passed}/{@code
 * failed}, before the recovery and security verdicts became one type) are read too, into the current version. Times in milliseconds ({@code ...Millis}), NaN and absent values as
 * {@code null}; the success rate and band are written for readers but recomputed from the outcomes on reading.
 */
public final class RecoveryReportJson {

    private RecoveryReportJson() {
    }

    public static void write(RunFolder folder, RecoveryReport report) throws IOException {
        AtomicFiles.writeString(folder.recoveryJson(), write(report));
    }

    public static RecoveryReport read(RunFolder folder) throws IOException {
        return read(Files.readString(folder.recoveryJson(), StandardCharsets.UTF_8));
    }

    public static String write(RecoveryReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", r.formatVersion());
        o.addProperty("startedAt", r.startedAt().toString());
        o.add("elapsedSeconds", JsonText.number(round(r.elapsedSeconds())));
        JsonObject totals = new JsonObject();
        totals.addProperty("passed", r.count(ProbeVerdict.PASS));
        totals.addProperty("failed", r.count(ProbeVerdict.FAIL));
        totals.addProperty("notRun", r.count(ProbeVerdict.NOT_RUN));
        totals.addProperty("notApplicable", r.count(ProbeVerdict.NOT_APPLICABLE));
        totals.add("successRatePercent", JsonText.number(round(r.successRatePercent())));
        totals.add("band", JsonText.text(r.band().map(SuccessBand::wireName)));
        o.add("totals", totals);
        JsonArray probes = new JsonArray();
        for (ProbeOutcome p : r.outcomes()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", p.probeId());
            j.addProperty("title", p.title());
            j.addProperty("fault", p.fault());
            j.addProperty("verdict", p.verdict().wireName());
            j.addProperty("summary", p.summary());
            j.add("recoveryMillis", JsonText.number(round(p.recoveryMillis())));
            j.add("attempts", p.attempts().isPresent() ? new JsonPrimitive(p.attempts().getAsInt()) : JsonNull.INSTANCE);
            JsonArray ev = new JsonArray();
            for (Evidence e : p.evidence()) {
                JsonObject x = new JsonObject();
                x.addProperty("source", e.source());
                x.addProperty("observation", e.observation());
                ev.add(x);
            }
            j.add("evidence", ev);
            j.add("notRunReason", JsonText.text(p.notRunReason()));
            probes.add(j);
        }
        o.add("probes", probes);
        return JsonText.write(o);
    }

    /** Parses {@code recovery.json}; any structural problem becomes one {@link IllegalArgumentException} line. */
    public static RecoveryReport read(String json) {
        try {
            JsonObject o = JsonInput.parse(json).getAsJsonObject();
            int version = required(o, "formatVersion").getAsInt();
            if (version != RecoveryReport.FORMAT_VERSION && version != 1) {
                throw new IllegalArgumentException("unsupported recovery.json formatVersion " + version
                        + " (this suite reads 1 and " + RecoveryReport.FORMAT_VERSION + ")");
            }
            List<ProbeOutcome> outcomes = new ArrayList<>();
            for (JsonElement e : required(o, "probes").getAsJsonArray()) {
                JsonObject j = e.getAsJsonObject();
                List<Evidence> evidence = new ArrayList<>();
                for (JsonElement x : required(j, "evidence").getAsJsonArray()) {
                    JsonObject ev = x.getAsJsonObject();
                    evidence.add(new Evidence(required(ev, "source").getAsString(),
                            required(ev, "observation").getAsString()));
                }
                JsonElement attempts = required(j, "attempts");
                JsonElement reason = required(j, "notRunReason");
                JsonElement recovery = required(j, "recoveryMillis");
                outcomes.add(new ProbeOutcome(required(j, "id").getAsString(), required(j, "title").getAsString(),
                        required(j, "fault").getAsString(), verdict(version, required(j, "verdict").getAsString()),
                        required(j, "summary").getAsString(),
                        recovery.isJsonNull() ? Double.NaN : recovery.getAsDouble(),
                        attempts.isJsonNull() ? OptionalInt.empty() : OptionalInt.of(attempts.getAsInt()), evidence,
                        reason.isJsonNull() ? Optional.empty() : Optional.of(reason.getAsString())));
            }
            JsonElement elapsed = required(o, "elapsedSeconds");
            return new RecoveryReport(RecoveryReport.FORMAT_VERSION, Instant.parse(required(o, "startedAt").getAsString()),
                    elapsed.isJsonNull() ? Double.NaN : elapsed.getAsDouble(), outcomes);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid recovery.json: " + e.getMessage(), e);
        }
    }

    /** Version 1 had the recovery side's own verdict names; they mean what {@code pass} and {@code fail} mean now. */
    private static ProbeVerdict verdict(int version, String wire) {
        if (version != 1) {
            return ProbeVerdict.fromWire(wire);
        }
        return switch (wire) {
            case "passed" -> ProbeVerdict.PASS;
            case "failed" -> ProbeVerdict.FAIL;
            case "not-run" -> ProbeVerdict.NOT_RUN;
            default -> throw new IllegalArgumentException("unknown probe verdict '" + wire
                    + "' in a version 1 recovery.json (expected passed, failed or not-run)");
        };
    }

    private static JsonElement required(JsonObject o, String field) {
        if (!o.has(field)) {
            throw new IllegalArgumentException("not a valid recovery.json: missing field '" + field + "'");
        }
        return o.get(field);
    }

    /** Three decimals: finer digits of a millisecond figure are noise and make files diff badly. */
    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000.0) / 1000.0 : v;
    }
}
