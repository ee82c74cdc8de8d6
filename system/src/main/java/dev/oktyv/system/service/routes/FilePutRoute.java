package dev.oktyv.system.service.routes;

import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code PUT /files/{path...}} with the raw bytes as body → 204. */
public final class FilePutRoute implements Route {

    private final FileBackend backend;

    public FilePutRoute(FileBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.PUT;
    }

    @Override
    public String path() {
        return "/files/{path...}";
    }

    @Override
    public Response handle(Request request) throws Exception {
        String path = FilePaths.relative(request);
        try {
            backend.write(path, request.body());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("file path refused");
        }
        return Response.noContent();
    }
}
