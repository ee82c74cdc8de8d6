package dev.oktyv.system.service.routes;

import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code DELETE /vault/{vault}/{key}} → 204, or 404 if there was no such key. */
public final class VaultDeleteRoute implements Route {

    private final KeyValueBackend backend;

    public VaultDeleteRoute(KeyValueBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.DELETE;
    }

    @Override
    public String path() {
        return "/vault/{vault}/{key}";
    }

    @Override
    public Response handle(Request request) throws Exception {
        if (!backend.delete(VaultNames.vault(request), VaultNames.key(request))) {
            throw ApiException.notFound("no such key in this vault");
        }
        return Response.noContent();
    }
}
