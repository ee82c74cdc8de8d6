package dev.oktyv.system.service.routes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.Request;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading JSON request bodies with one-line 400s that name the field, never echo the value. */
final class Bodies {

    private Bodies() {
    }

    /**
     * Strict RFC 8259 JSON in strict UTF-8: Gson's default leniency (single quotes, comments, unquoted names, a
     * second value after the first) and the JDK's silent replacement of malformed bytes would let two parsers in
     * a chain read the same body differently.
     */
    static JsonObject object(Request r, String expected) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(r.body())).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("body must be valid UTF-8");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (e.isJsonObject() && reader.peek() == JsonToken.END_DOCUMENT) {
                return e.getAsJsonObject();
            }
        } catch (JsonParseException | IOException ignored) {
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
