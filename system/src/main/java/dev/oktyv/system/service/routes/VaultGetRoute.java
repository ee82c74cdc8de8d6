package dev.oktyv.system.service.routes;

import com.google.gson.JsonObject;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;
import java.util.Optional;

/** {@code GET /vault/{vault}/{key}} → {@code {"value": "..."}}, or 404. */
public final class VaultGetRoute implements Route {

    private final KeyValueBackend backend;

    public VaultGetRoute(KeyValueBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.GET;
    }

    @Override
    public String path() {
        return "/vault/{vault}/{key}";
    }

    @Override
    public Response handle(Request request) throws Exception {
        Optional<Secret> value = backend.get(VaultNames.vault(request), VaultNames.key(request));
        if (value.isEmpty()) {
            throw ApiException.notFound("no such key in this vault");
        }
        JsonObject o = new JsonObject();
        o.addProperty("value", value.get().revealAsString());
        return Response.json(200, o);
    }
}
