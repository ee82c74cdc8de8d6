package dev.oktyv.system.service;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a route answers. Bodies are small and fully built; the service does not stream. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, was " + status);
        }
        headers = Map.copyOf(headers);
    }

    public static Response json(int status, JsonElement json) {
        return new Response(status, JSON, json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }

    public static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response noContent() {
        return new Response(204, JSON, new byte[0], Map.of());
    }

    public static Response error(int status, String code, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", code);
        o.addProperty("message", message);
        return json(status, o);
    }

    public Response withHeader(String name, String value) {
        java.util.HashMap<String, String> h = new java.util.HashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, h);
    }
}
