package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.routes.DbCreateItemRoute;
import dev.oktyv.system.service.routes.DbGetItemRoute;
import dev.oktyv.system.service.routes.EmailSendRoute;
import dev.oktyv.system.service.routes.FileBackend;
import dev.oktyv.system.service.routes.FileGetRoute;
import dev.oktyv.system.service.routes.FilePutRoute;
import dev.oktyv.system.service.routes.ItemBackend;
import dev.oktyv.system.service.routes.MailBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine routes against in-memory fakes, through the real server. */
class EngineRoutesTest {

    private static final String TOKEN = "engine-routes-token-0123456789";

    private final Map<Long, ItemBackend.Item> items = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<MailBackend.Mail> sent = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private OktyvService service;

    @BeforeEach
    void start() throws Exception {
        AtomicLong ids = new AtomicLong();
        ItemBackend db = new ItemBackend() {
            @Override
            public Optional<Found> find(long id) {
                return Optional.ofNullable(items.get(id)).map(Found::fresh);
            }

            @Override
            public Item create(String name, String data) {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("INSERT INTO items failed: name blank");
                }
                Item i = new Item(ids.incrementAndGet(), name, data);
                items.put(i.id(), i);
                return i;
            }
        };
        FileBackend fs = new FileBackend() {
            @Override
            public Optional<byte[]> read(String p) {
                return Optional.ofNullable(files.get(p));
            }

            @Override
            public void write(String p, byte[] content) {
                if (p.startsWith("forbidden")) {
                    throw new IllegalArgumentException("/srv/oktyv/root/" + p + " escapes the root");
                }
                files.put(p, content);
            }
        };
        MailBackend mail = m -> {
            if (m.subject().contains("\r") || m.subject().contains("\n")) {
                throw new IllegalArgumentException("CR/LF in Subject: " + m.subject());
            }
            sent.add(m);
            return "<" + sent.size() + "@oktyv>";
        };
        service = OktyvService.start(ServiceOptions.defaults(), List.of(new DbGetItemRoute(db),
                new DbCreateItemRoute(db), new FileGetRoute(fs), new FilePutRoute(fs), new EmailSendRoute(mail)),
                new BearerAuth(Secret.of(TOKEN)), new MetricsCollector());
    }

    @AfterEach
    void stop() {
        service.stop(Duration.ZERO);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.uri() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void dbItemsCreateAndRead() throws Exception {
        HttpResponse<String> created = send("POST", "/db/items", "{\"name\":\"a\",\"data\":\"x y\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/db/items/1");
        assertThat(send("GET", "/db/items/1", null).body()).isEqualTo("{\"id\":1,\"name\":\"a\",\"data\":\"x y\"}");
        assertThat(send("GET", "/db/items/2", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/db/items/abc", null).statusCode()).isEqualTo(400);
        HttpResponse<String> refused = send("POST", "/db/items", "{\"name\":\" \",\"data\":\"\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("INSERT");
        assertThat(send("POST", "/db/items", "{\"name\":1}").statusCode()).isEqualTo(400);
    }

    @Test
    void filesKeepNestedPathsAndHideEngineMessages() throws Exception {
        assertThat(send("PUT", "/files/reports/2026/q1.txt", "hello").statusCode()).isEqualTo(204);
        assertThat(files).containsKey("reports/2026/q1.txt");
        HttpResponse<String> got = send("GET", "/files/reports/2026/q1.txt", null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("hello");
        assertThat(send("GET", "/files/none.txt", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/files/reports/%2e%2e/%2e%2e/etc/passwd", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/files/C:%5Cwindows", null).statusCode()).isEqualTo(400);
        HttpResponse<String> refused = send("PUT", "/files/forbidden/x", "x");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("/srv");
    }

    @Test
    void emailSendAndRefusal() throws Exception {
        HttpResponse<String> ok = send("POST", "/email/send", "{\"to\":[\"a@b.example\"],\"subject\":\"hi\",\"body\":\"x\"}");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.body()).isEqualTo("{\"messageId\":\"<1@oktyv>\"}");
        HttpResponse<String> injected = send("POST", "/email/send",
                "{\"to\":[\"a@b.example\"],\"subject\":\"hi\\r\\nBcc: x@evil.example\",\"body\":\"x\"}");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(injected.body()).doesNotContain("evil");
        assertThat(send("POST", "/email/send", "{\"to\":[],\"subject\":\"s\",\"body\":\"b\"}").statusCode()).isEqualTo(400);
        assertThat(sent).hasSize(1);
    }
}
