package dev.oktyv.results.load;

import dev.oktyv.results.JsonText;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/** The {@code stress.json} format, version {@value StressResult#FORMAT_VERSION}; golden file {@code stress-v1.json}. */
public final class StressResultJson {

    private StressResultJson() {
    }

    public static String write(StressResult s) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", s.formatVersion());
        o.addProperty("scenario", s.scenarioId());
        o.addProperty("levelKind", s.levelKind().wireName());
        o.add("stepSeconds", LoadJson.number(s.stepSeconds()));
        JsonArray criteria = new JsonArray();
        s.criteria().forEach(criteria::add);
        o.add("criteria", criteria);
        JsonArray steps = new JsonArray();
        for (StressResult.Step st : s.steps()) {
            JsonObject j = new JsonObject();
            j.addProperty("folder", st.folder());
            j.add("level", LoadJson.number(st.level()));
            j.add("achievedPerSecond", LoadJson.number(st.achievedPerSecond()));
            j.add("p99Micros", LoadJson.number(st.p99Micros()));
            j.add("errorRate", LoadJson.number(st.errorRate()));
            j.addProperty("dropped", st.dropped());
            j.addProperty("passed", st.passed());
            steps.add(j);
        }
        o.add("steps", steps);
        // "knee" is the highest passing step (StressResult#highestPassingIndex); the field keeps its version-1 name.
        JsonObject knee = new JsonObject();
        var k = s.highestPassingIndex();
        knee.add("folder", k.isPresent() ? new JsonPrimitive(s.steps().get(k.getAsInt()).folder()) : JsonNull.INSTANCE);
        knee.add("level", k.isPresent() ? LoadJson.number(s.steps().get(k.getAsInt()).level()) : JsonNull.INSTANCE);
        knee.add("achievedPerSecond",
                k.isPresent() ? LoadJson.number(s.steps().get(k.getAsInt()).achievedPerSecond()) : JsonNull.INSTANCE);
        o.add("knee", knee);
        return JsonText.write(o);
    }

    public static StressResult read(String json) {
        try {
            JsonObject o = JsonInput.parse(json).getAsJsonObject();
            LoadJson.checkVersion(o, StressResult.FORMAT_VERSION, "stress.json");
            List<String> criteria = new ArrayList<>();
            o.getAsJsonArray("criteria").forEach(e -> criteria.add(e.getAsString()));
            List<StressResult.Step> steps = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("steps")) {
                JsonObject j = e.getAsJsonObject();
                steps.add(new StressResult.Step(j.get("folder").getAsString(), LoadJson.doubleOf(j, "level"),
                        LoadJson.doubleOf(j, "achievedPerSecond"), LoadJson.doubleOf(j, "p99Micros"),
                        LoadJson.doubleOf(j, "errorRate"), j.get("dropped").getAsLong(),
                        j.get("passed").getAsBoolean()));
            }
            return new StressResult(StressResult.FORMAT_VERSION, o.get("scenario").getAsString(),
                    StressLevel.Kind.ofWireName(o.get("levelKind").getAsString()), LoadJson.doubleOf(o, "stepSeconds"), criteria, steps);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("not a valid stress.json: " + e.getMessage(), e);
        }
    }
}
