package dev.oktyv.system.service.routes;

import com.google.gson.JsonElement;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code PUT /vault/{vault}/{key}} with {@code {"value": "..."}} → 204. */
public final class VaultPutRoute implements Route {

    private final KeyValueBackend backend;

    public VaultPutRoute(KeyValueBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.PUT;
    }

    @Override
    public String path() {
        return "/vault/{vault}/{key}";
    }

    @Override
    public Response handle(Request request) throws Exception {
        String vault = VaultNames.vault(request);
        String key = VaultNames.key(request);
        JsonElement value = Bodies.object(request, "{\"value\": \"...\"}").get("value");
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw ApiException.badRequest("body must be JSON {\"value\": \"...\"}");
        }
        try (Secret secret = Secret.of(value.getAsString())) {
            backend.put(vault, key, secret);
        }
        return Response.noContent();
    }
}
