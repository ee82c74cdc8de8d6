package dev.oktyv.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * HttpClient hands {@code getBody()} of a body subscriber it does not trust to its executor (in case it blocks),
 * one task and one thread hand-off per response; BodySubscribers.ofByteArray does not cost that. The bounded
 * subscriber must not either (it cost the API client a pool task per GET, visible over https).
 */
class BoundedBodySubscriberTest {

    private static final int GETS = 20;

    @Test
    void httpClientDoesNotRunGetBodyOnItsExecutor() throws Exception {
        List<String> tasks = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try (LocalHttpsServer server = LocalHttpsServer.http()
                .handle("/b", e -> LocalHttpsServer.respond(e, 200, "{\"status\":\"ok\"}")).start()) {
            HttpClient client = HttpClient.newBuilder().executor(r -> {
                tasks.add(r.getClass().getName());
                pool.execute(r);
            }).build();
            URI uri = server.uri("/b");
            for (int i = 0; i < GETS; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
                HttpResponse<byte[]> response = client.send(request, BoundedBodySubscriber.handler(
                        new BoundedBodySubscriber.Exchange("GET", uri, Duration.ofSeconds(10)), 1024,
                        System.nanoTime() + Duration.ofSeconds(10).toNanos(), timer));
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"ok\"}");
            }
        } finally {
            pool.shutdownNow();
            timer.shutdownNow();
        }
        // The task getBodyAsync submits is a lambda of jdk.internal.net.http.ResponseSubscribers.
        assertThat(tasks).noneMatch(name -> name.contains("ResponseSubscribers"));
    }
}
