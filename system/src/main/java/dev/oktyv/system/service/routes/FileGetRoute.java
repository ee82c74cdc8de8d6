package dev.oktyv.system.service.routes;

import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code GET /files/{path...}} → the bytes as application/octet-stream, or 404. */
public final class FileGetRoute implements Route {

    private final FileBackend backend;

    public FileGetRoute(FileBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.GET;
    }

    @Override
    public String path() {
        return "/files/{path...}";
    }

    @Override
    public Response handle(Request request) throws Exception {
        String path = FilePaths.relative(request);
        byte[] content;
        try {
            content = backend.read(path).orElseThrow(() -> ApiException.notFound("no such file"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("file path refused"); // the engine's message may hold its root
        }
        return Response.bytes(200, "application/octet-stream", content);
    }
}
