package dev.oktyv.system.service.routes;

import com.google.gson.JsonObject;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code GET /db/items/{id}} → {@code {"id", "name", "data"}}, or 404. */
public final class DbGetItemRoute implements Route {

    private final ItemBackend backend;

    public DbGetItemRoute(ItemBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.GET;
    }

    @Override
    public String path() {
        return "/db/items/{id}";
    }

    @Override
    public Response handle(Request request) throws Exception {
        long id;
        try {
            id = Long.parseLong(request.pathVariable("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("item id must be an integer");
        }
        ItemBackend.Item item = backend.find(id).orElseThrow(() -> ApiException.notFound("no item with this id"));
        return Response.json(200, toJson(item));
    }

    static JsonObject toJson(ItemBackend.Item item) {
        JsonObject o = new JsonObject();
        o.addProperty("id", item.id());
        o.addProperty("name", item.name());
        o.addProperty("data", item.data());
        return o;
    }
}
