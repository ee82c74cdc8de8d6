package dev.oktyv.system.service.routes;

import com.google.gson.JsonObject;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code POST /db/items} with {@code {"name", "data"}} → 201 and the stored item with its id. */
public final class DbCreateItemRoute implements Route {

    private final ItemBackend backend;

    public DbCreateItemRoute(ItemBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.POST;
    }

    @Override
    public String path() {
        return "/db/items";
    }

    @Override
    public Response handle(Request request) throws Exception {
        JsonObject body = Bodies.object(request, "{\"name\": \"...\", \"data\": \"...\"}");
        ItemBackend.Item created;
        try {
            created = backend.create(Bodies.string(body, "name"), Bodies.string(body, "data"));
        } catch (IllegalArgumentException e) {
            // The engine's message may quote SQL or the value; the client gets the category only.
            throw ApiException.badRequest("item rejected by the database engine");
        }
        return Response.json(201, DbGetItemRoute.toJson(created))
                .withHeader("Location", "/db/items/" + created.id());
    }
}
