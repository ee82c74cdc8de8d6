package dev.oktyv.results.load;

import dev.oktyv.results.JsonText;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code summary.json} format, version {@value LoadSummary#FORMAT_VERSION}; sealed by the golden files
 * {@code summary-v2.json} (and {@code summary-v1.json}, still read) in the tests. {@code agents} lists the load
 * agents of a merged run, empty for one generator's run. Latencies are microseconds ({@code ...Micros}), sizes bytes, NaN is
 * {@code null}. Field order is fixed so files diff cleanly.
 */
public final class LoadSummaryJson {

    private LoadSummaryJson() {
    }

    public static String write(LoadSummary s) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", s.formatVersion());
        o.addProperty("scenario", s.scenarioId());
        JsonObject model = new JsonObject();
        model.addProperty("kind", s.model().kind().wireName());
        model.addProperty("description", s.model().description());
        model.addProperty("workers", s.model().workers());
        model.addProperty("maxInFlight", s.model().maxInFlight());
        o.add("model", model);
        o.addProperty("startedAt", s.startedAt().toString());
        o.add("measuredSeconds", LoadJson.number(s.measuredSeconds()));
        o.add("warmupSeconds", LoadJson.number(s.warmupSeconds()));
        JsonObject totals = new JsonObject();
        totals.addProperty("total", s.totals().total());
        totals.addProperty("ok", s.totals().ok());
        totals.addProperty("failed", s.totals().failed());
        JsonArray kinds = new JsonArray();
        for (FailureCount f : s.totals().failedByKind()) {
            JsonObject k = new JsonObject();
            k.addProperty("kind", f.kind().wireName());
            k.addProperty("detail", f.detail());
            k.addProperty("count", f.count());
            kinds.add(k);
        }
        totals.add("failedByKind", kinds);
        totals.add("errorRate", LoadJson.number(s.totals().errorRate()));
        totals.addProperty("warmupOperations", s.totals().warmupOperations());
        o.add("totals", totals);
        JsonObject rates = new JsonObject();
        rates.add("targetPerSecond", LoadJson.number(s.rates().targetPerSecond()));
        rates.addProperty("targetSource", s.rates().targetSource().wireName());
        rates.add("achievedPerSecond", LoadJson.number(s.rates().achievedPerSecond()));
        rates.addProperty("dropped", s.rates().dropped());
        o.add("rates", rates);
        JsonArray agents = new JsonArray();
        for (LoadSummary.Agent a : s.agents()) {
            JsonObject j = new JsonObject();
            j.addProperty("run", a.run());
            j.addProperty("total", a.total());
            j.add("targetPerSecond", LoadJson.number(a.targetPerSecond()));
            j.add("achievedPerSecond", LoadJson.number(a.achievedPerSecond()));
            j.addProperty("dropped", a.dropped());
            agents.add(j);
        }
        o.add("agents", agents);
        JsonObject latency = new JsonObject();
        latency.add("corrected", latency(s.corrected()));
        latency.add("uncorrected", latency(s.uncorrected()));
        o.add("latency", latency);
        JsonObject jvm = new JsonObject();
        jvm.addProperty("heapUsedBeforeBytes", s.jvm().heapUsedBeforeBytes());
        jvm.addProperty("heapUsedAfterBytes", s.jvm().heapUsedAfterBytes());
        jvm.addProperty("heapUsedPeakBytes", s.jvm().heapUsedPeakBytes());
        jvm.addProperty("gcCount", s.jvm().gcCount());
        jvm.addProperty("gcTimeMillis", s.jvm().gcTimeMillis());
        jvm.addProperty("processCpuTimeNanos", s.jvm().processCpuTimeNanos());
        o.add("jvm", jvm);
        JsonArray th = new JsonArray();
        for (ThresholdOutcome t : s.thresholds()) {
            JsonObject j = new JsonObject();
            j.addProperty("expression", t.expression());
            j.addProperty("metric", t.metric());
            j.add("observed", LoadJson.number(t.observed()));
            j.addProperty("passed", t.passed());
            th.add(j);
        }
        o.add("thresholds", th);
        o.addProperty("outcome", s.outcome().wireName());
        return JsonText.write(o);
    }

    private static JsonObject latency(LatencyStats l) {
        JsonObject o = new JsonObject();
        o.addProperty("count", l.count());
        o.add("minMicros", LoadJson.number(l.minMicros()));
        o.add("meanMicros", LoadJson.number(l.meanMicros()));
        o.add("p50Micros", LoadJson.number(l.p50Micros()));
        o.add("p90Micros", LoadJson.number(l.p90Micros()));
        o.add("p95Micros", LoadJson.number(l.p95Micros()));
        o.add("p99Micros", LoadJson.number(l.p99Micros()));
        o.add("p999Micros", LoadJson.number(l.p999Micros()));
        o.add("p9999Micros", LoadJson.number(l.p9999Micros()));
        o.add("maxMicros", LoadJson.number(l.maxMicros()));
        o.addProperty("notApplicableReason", l.applicable() ? null : l.notApplicableReason());
        return o;
    }

    /** Parses {@code summary.json}; any structural problem becomes one {@link IllegalArgumentException} line. */
    public static LoadSummary read(String json) {
        try {
            JsonObject o = JsonInput.parse(json).getAsJsonObject();
            int version = LoadJson.checkVersion(o, LoadSummary.OLDEST_READABLE_VERSION, LoadSummary.FORMAT_VERSION,
                    "summary.json");
            JsonObject m = o.getAsJsonObject("model");
            LoadSummary.Model model = new LoadSummary.Model(LoadSummary.ModelKind.ofWireName(m.get("kind").getAsString()),
                    m.get("description").getAsString(), m.get("workers").getAsInt(), m.get("maxInFlight").getAsInt());
            JsonObject t = o.getAsJsonObject("totals");
            List<FailureCount> kinds = new ArrayList<>();
            for (JsonElement e : t.getAsJsonArray("failedByKind")) {
                JsonObject k = e.getAsJsonObject();
                kinds.add(new FailureCount(FailureKind.fromWire(k.get("kind").getAsString()),
                        k.get("detail").getAsString(), k.get("count").getAsLong()));
            }
            LoadSummary.Totals totals = new LoadSummary.Totals(t.get("total").getAsLong(), t.get("ok").getAsLong(),
                    t.get("failed").getAsLong(), kinds, t.get("warmupOperations").getAsLong());
            JsonObject r = o.getAsJsonObject("rates");
            // targetSource was added later within version 1; older files imply it from the target.
            LoadSummary.Rates rates = r.has("targetSource")
                    ? new LoadSummary.Rates(LoadJson.doubleOf(r, "targetPerSecond"),
                            LoadSummary.TargetSource.ofWireName(r.get("targetSource").getAsString()),
                            LoadJson.doubleOf(r, "achievedPerSecond"), r.get("dropped").getAsLong())
                    : new LoadSummary.Rates(LoadJson.doubleOf(r, "targetPerSecond"),
                            LoadJson.doubleOf(r, "achievedPerSecond"), r.get("dropped").getAsLong());
            JsonObject lat = o.getAsJsonObject("latency");
            JsonObject j = o.getAsJsonObject("jvm");
            LoadSummary.JvmStats jvm = new LoadSummary.JvmStats(j.get("heapUsedBeforeBytes").getAsLong(),
                    j.get("heapUsedAfterBytes").getAsLong(), j.get("heapUsedPeakBytes").getAsLong(),
                    j.get("gcCount").getAsLong(), j.get("gcTimeMillis").getAsLong(),
                    j.get("processCpuTimeNanos").getAsLong());
            List<ThresholdOutcome> th = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("thresholds")) {
                JsonObject x = e.getAsJsonObject();
                th.add(new ThresholdOutcome(x.get("expression").getAsString(), x.get("metric").getAsString(),
                        LoadJson.doubleOf(x, "observed"), x.get("passed").getAsBoolean()));
            }
            List<LoadSummary.Agent> agents = new ArrayList<>();
            if (version >= 2) {
                for (JsonElement e : LoadJson.required(o, "agents").getAsJsonArray()) {
                    JsonObject a = e.getAsJsonObject();
                    agents.add(new LoadSummary.Agent(a.get("run").getAsString(), a.get("total").getAsLong(),
                            LoadJson.doubleOf(a, "targetPerSecond"), LoadJson.doubleOf(a, "achievedPerSecond"),
                            a.get("dropped").getAsLong()));
                }
            }
            return new LoadSummary(LoadSummary.FORMAT_VERSION, o.get("scenario").getAsString(), model,
                    Instant.parse(o.get("startedAt").getAsString()), LoadJson.doubleOf(o, "measuredSeconds"),
                    LoadJson.doubleOf(o, "warmupSeconds"), totals, rates,
                    readLatency(lat.getAsJsonObject("corrected")), readLatency(lat.getAsJsonObject("uncorrected")),
                    jvm, th, agents);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid summary.json: " + e.getMessage(), e);
        }
    }

    private static LatencyStats readLatency(JsonObject o) {
        JsonElement reason = o.get("notApplicableReason");
        return new LatencyStats(o.get("count").getAsLong(), LoadJson.doubleOf(o, "minMicros"),
                LoadJson.doubleOf(o, "meanMicros"), LoadJson.doubleOf(o, "p50Micros"),
                LoadJson.doubleOf(o, "p90Micros"), LoadJson.doubleOf(o, "p95Micros"),
                LoadJson.doubleOf(o, "p99Micros"), LoadJson.doubleOf(o, "p999Micros"),
                LoadJson.doubleOf(o, "p9999Micros"), LoadJson.doubleOf(o, "maxMicros"),
                reason == null || reason.isJsonNull() ? "" : reason.getAsString());
    }
}
