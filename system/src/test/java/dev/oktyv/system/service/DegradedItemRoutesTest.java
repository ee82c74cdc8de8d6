package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.oktyv.system.cache.CacheConfig;
import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.adapters.DatabaseItemBackend;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import dev.oktyv.system.service.routes.DbCreateItemRoute;
import dev.oktyv.system.service.routes.DbGetItemRoute;
import dev.oktyv.system.time.ManualTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The item routes over HTTP with the database gone: a cached item marked stale, the rest 503 with Retry-After. */
@Timeout(60)
class DegradedItemRoutesTest {

    private static final String TOKEN = "degraded-routes-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(OktyvService s, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.uri() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static OktyvService start(DatabaseItemBackend items) throws Exception {
        return OktyvService.start(ServiceOptions.defaults(), List.of(new DbGetItemRoute(items),
                new DbCreateItemRoute(items)), new BearerAuth(Secret.of(TOKEN)), new MetricsCollector());
    }

    private static DatabaseEngine h2(String name) {
        return DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .connectionTimeout(Duration.ofMillis(500)).build(), ref -> {
                    throw new AssertionError("no secrets expected");
                });
    }

    @Test
    void aCachedItemIsServedMarkedStaleAndTheRestIs503WithRetryAfter() throws Exception {
        ManualTime time = new ManualTime();
        DatabaseEngine db = h2("degraded-routes");
        OktyvService service = null;
        try (DatabaseItemBackend items = new DatabaseItemBackend(db, ItemStoreOptions.none().withCache(
                CacheConfig.of("db_items", Duration.ofSeconds(5), 100).withStaleRetention(Duration.ofMinutes(5))),
                new MetricsCollector(), time)) {
            service = start(items);
            assertThat(send(service, "POST", "/db/items", "{\"name\":\"a\",\"data\":\"1\"}").statusCode()).isEqualTo(201);
            assertThat(send(service, "POST", "/db/items", "{\"name\":\"b\",\"data\":\"2\"}").statusCode()).isEqualTo(201);
            HttpResponse<String> fresh = send(service, "GET", "/db/items/1", null);
            assertThat(fresh.statusCode()).isEqualTo(200);
            assertThat(fresh.headers().firstValue(DbGetItemRoute.STALE_HEADER)).isEmpty();
            assertThat(fresh.headers().firstValue("Warning")).isEmpty();

            time.advance(Duration.ofSeconds(65));
            db.close();

            HttpResponse<String> stale = send(service, "GET", "/db/items/1", null);
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.body()).isEqualTo("{\"id\":1,\"name\":\"a\",\"data\":\"1\"}");
            assertThat(stale.headers().firstValue("Warning")).contains("110 - \"Response is Stale\"");
            assertThat(stale.headers().firstValue(DbGetItemRoute.STALE_HEADER)).contains("true");
            assertThat(stale.headers().firstValue("Age")).contains("65");

            for (HttpResponse<String> r : List.of(send(service, "GET", "/db/items/2", null),
                    send(service, "POST", "/db/items", "{\"name\":\"c\",\"data\":\"3\"}"))) {
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).contains("2");
                assertThat(r.body()).doesNotContain("\n", "jdbc", "SQL", "Exception", "at ");
                assertThat(JsonParser.parseString(r.body()).getAsJsonObject().get("error").getAsString())
                        .isEqualTo("database_unavailable");
            }
        } finally {
            if (service != null) {
                service.stop(Duration.ZERO);
            }
            db.close();
        }
    }
}
