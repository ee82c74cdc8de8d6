package dev.oktyv.results.readiness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import java.util.Set;

/**
 * Reads a criteria file ({@code readiness --criteria FILE}): one JSON object whose fields, all optional, are the
 * components of {@link Criteria}; an absent field keeps the seed's default. An unknown field is an error rather
 * than ignored, because a typo ({@code securityMinScor}) would otherwise silently keep the default. Every error is
 * one line naming the field and the bad value.
 */
public final class CriteriaJson {

    private static final Set<String> FIELDS = Set.of("loadMaxErrorRatePercent", "securityMinScore",
            "securityForbidCritical", "performanceMaxAverageMillis", "performanceMaxP95Millis",
            "recoveryMinSuccessPercent");

    private CriteriaJson() {
    }

    /** @throws IllegalArgumentException naming the field (or "not a JSON object") on any error */
    public static Criteria read(String json) {
        JsonElement root;
        try {
            root = JsonInput.parse(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("criteria file is not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("criteria file must hold one JSON object, found " + kind(root));
        }
        JsonObject o = root.getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException("criteria file: unknown field '" + e.getKey() + "' (known: "
                        + FIELDS.stream().sorted().toList() + ")");
            }
        }
        Criteria d = Criteria.DEFAULTS;
        try {
            return criteria(o, d);
        } catch (IllegalArgumentException e) {
            // The record's own range checks name the field; say where it came from.
            throw e.getMessage().startsWith("criteria file") ? e
                    : new IllegalArgumentException("criteria file: " + e.getMessage());
        }
    }

    private static Criteria criteria(JsonObject o, Criteria d) {
        return new Criteria(
                number(o, "loadMaxErrorRatePercent", d.loadMaxErrorRatePercent()),
                number(o, "securityMinScore", d.securityMinScore()),
                bool(o, "securityForbidCritical", d.securityForbidCritical()),
                number(o, "performanceMaxAverageMillis", d.performanceMaxAverageMillis()),
                number(o, "performanceMaxP95Millis", d.performanceMaxP95Millis()),
                number(o, "recoveryMinSuccessPercent", d.recoveryMinSuccessPercent()));
    }

    private static double number(JsonObject o, String field, double fallback) {
        JsonElement e = o.get(field);
        if (e == null) {
            return fallback;
        }
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())) {
            throw new IllegalArgumentException("criteria file: field '" + field + "' must be a number, was " + e);
        }
        return checked(field, e.getAsDouble());
    }

    private static double checked(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("criteria file: field '" + field + "' must be finite, was " + v);
        }
        return v;
    }

    private static boolean bool(JsonObject o, String field, boolean fallback) {
        JsonElement e = o.get(field);
        if (e == null) {
            return fallback;
        }
        if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isBoolean())) {
            throw new IllegalArgumentException("criteria file: field '" + field + "' must be true or false, was " + e);
        }
        return e.getAsBoolean();
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "an array" : e.isJsonNull() ? "null" : "a " + e.getClass().getSimpleName();
    }
}
