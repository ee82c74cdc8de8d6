package dev.oktyv.system.service.routes;

import com.google.gson.JsonObject;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/**
 * {@code GET /db/items/{id}} → {@code {"id", "name", "data"}}, or 404.
 *
 * <p>A copy served from the cache while the database is down is still 200 (the caller gets the item), marked in
 * the ways clients and caches already know: {@code Warning: 110 - "Response is Stale"} (RFC 7234; obsoleted by
 * RFC 9111 but still what proxies and client libraries look for), {@code Age} in seconds, and
 * {@value #STALE_HEADER}{@code : true} for clients that want one unambiguous flag.
 */
public final class DbGetItemRoute implements Route {

    public static final String STALE_HEADER = "X-Oktyv-Stale";
    public static final String STALE_WARNING = "110 - \"Response is Stale\"";

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
        ItemBackend.Found found = backend.find(id).orElseThrow(() -> ApiException.notFound("no item with this id"));
        Response r = Response.json(200, toJson(found.item()));
        if (!found.stale()) {
            return r;
        }
        return r.withHeader("Warning", STALE_WARNING).withHeader("Age", Long.toString(found.age().toSeconds()))
                .withHeader(STALE_HEADER, "true");
    }

    static JsonObject toJson(ItemBackend.Item item) {
        JsonObject o = new JsonObject();
        o.addProperty("id", item.id());
        o.addProperty("name", item.name());
        o.addProperty("data", item.data());
        return o;
    }
}
