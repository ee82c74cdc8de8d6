package dev.oktyv.results.load;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Shared helpers of the load JSON codecs: NaN is written as {@code null} (JSON has no NaN) and read back as NaN. */
final class LoadJson {

    private LoadJson() {
    }

    static JsonElement number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? JsonNull.INSTANCE : new JsonPrimitive(round(v));
    }

    /** Three decimals: sub-nanosecond digits of a microsecond figure are noise and make files diff badly. */
    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    static double doubleOf(JsonObject o, String field) {
        JsonElement e = required(o, field);
        return e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    static JsonElement required(JsonObject o, String field) {
        if (!o.has(field)) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return o.get(field);
    }

    static void checkVersion(JsonObject o, int expected, String file) {
        checkVersion(o, expected, expected, file);
    }

    /** Accepts versions {@code oldest..newest}; returns the file's version. */
    static int checkVersion(JsonObject o, int oldest, int newest, String file) {
        int v = required(o, "formatVersion").getAsInt();
        if (v < oldest || v > newest) {
            throw new IllegalArgumentException("unsupported " + file + " formatVersion " + v
                    + " (this suite reads " + (oldest == newest ? Integer.toString(newest) : oldest + " to " + newest)
                    + ")");
        }
        return v;
    }
}
