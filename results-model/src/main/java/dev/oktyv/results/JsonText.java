package dev.oktyv.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.Optional;

/**
 * How the suite writes its JSON files (run.json, summary.json, stress.json, the compare and analyze outputs): one
 * Gson set-up, so every file has the same layout, and one rule for values that are absent.
 */
public final class JsonText {

    /** Pretty-printed for diffs and golden files; nulls kept, because an absent value is information. */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private JsonText() {
    }

    /** The document with a final newline. */
    public static String write(JsonElement document) {
        return GSON.toJson(document) + "\n";
    }

    /** A finite number as itself; NaN and infinities as {@code null} ("not applicable": JSON has no NaN). */
    public static JsonElement number(double d) {
        return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
    }

    /** A present text as itself, an absent one as {@code null}. */
    public static JsonElement text(Optional<String> s) {
        return s.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE);
    }
}
