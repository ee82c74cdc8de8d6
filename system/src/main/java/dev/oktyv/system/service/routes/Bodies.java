package dev.oktyv.system.service.routes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading JSON request bodies with one-line 400s that name the field, never echo the value. */
final class Bodies {

    private Bodies() {
    }

    static JsonObject object(Request r, String expected) {
        try {
            JsonElement e = JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8));
            if (e.isJsonObject()) {
                return e.getAsJsonObject();
            }
        } catch (JsonParseException ignored) {
            // same answer as a non-object body below
        }
        throw ApiException.badRequest("body must be a JSON object " + expected);
    }

    static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiException.badRequest("field '" + field + "' must be a string");
        }
        return e.getAsString();
    }

    static List<String> strings(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw ApiException.badRequest("field '" + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement x : e.getAsJsonArray()) {
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                throw ApiException.badRequest("field '" + field + "' must be an array of strings");
            }
            out.add(x.getAsString());
        }
        return out;
    }
}
