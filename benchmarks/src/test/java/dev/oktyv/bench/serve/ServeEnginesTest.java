package dev.oktyv.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.ExitCodes;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The engines behind {@code serve}, over real HTTP with the printed token. */
class ServeEnginesTest {

    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern TOKEN = Pattern.compile("Bearer token \\(shown once\\): (\\S+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> bodies = new ArrayList<>();
    private String base;
    private String token;

    @Test
    void everyEngineAnswersOverHttpAndNothingSecretLeaks(@TempDir Path outside) throws Exception {
        CompletableFuture<EmbeddedEngines> started = new CompletableFuture<>();
        ServeCommand command = new ServeCommand();
        command.onStarted = started::complete;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--duration", "15s"));
        EmbeddedEngines engines = started.get(60, TimeUnit.SECONDS);
        Matcher url = URL.matcher(out.toString());
        assertThat(url.find()).as("stderr: " + err).isTrue();
        base = url.group(1);
        Matcher t = TOKEN.matcher(out.toString());
        assertThat(t.find()).isTrue();
        token = t.group(1);
        Path tempDir = engines.tempDir();
        assertThat(tempDir).isDirectory();

        // Vault
        assertThat(send("PUT", "/vault/demo/greeting", "{\"value\":\"hello vault\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> got = send("GET", "/vault/demo/greeting", null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("{\"value\":\"hello vault\"}");
        assertThat(send("DELETE", "/vault/demo/greeting", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/vault/demo/greeting", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/vault/no-such-vault/k", null).statusCode()).isEqualTo(404);
        // The token was stored through the TokenSink; reading it back proves it (and is allowed to the holder).
        HttpResponse<String> stored = send("GET", "/vault/oktyv-service/token", null);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains(token);
        bodies.remove(stored.body()); // the one body that is meant to carry it

        // Database
        HttpResponse<String> created = send("POST", "/db/items", "{\"name\":\"apple\",\"data\":\"{\\\"n\\\":1}\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> item = send("GET", location, null);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.body()).contains("\"name\":\"apple\"").contains("\"data\":\"{\\\"n\\\":1}\"");
        assertThat(send("GET", "/db/items/987654", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/db/items", "{\"name\":\"\",\"data\":\"x\"}").statusCode()).isEqualTo(400);

        // Files
        assertThat(send("PUT", "/files/a/b.txt", "file body").statusCode()).isEqualTo(204);
        HttpResponse<String> file = send("GET", "/files/a/b.txt", null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("file body");
        assertThat(Files.readString(engines.fileRoot().resolve("a/b.txt"))).isEqualTo("file body");
        assertThat(send("GET", "/files/a/missing.txt", null).statusCode()).isEqualTo(404);

        // Traversal: dot segments (encoded so the client sends them as they are) and a symlink out of the root.
        assertThat(send("PUT", "/files/%2e%2e/%2e%2e/escaped.txt", "x").statusCode()).isBetween(400, 499);
        assertThat(send("GET", "/files/a/%2e%2e/%2e%2e/%2e%2e/etc/passwd", null).statusCode()).isBetween(400, 499);
        Files.createSymbolicLink(engines.fileRoot().resolve("link"), outside);
        assertThat(send("PUT", "/files/link/escaped.txt", "x").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/files/link/anything", null).statusCode()).isEqualTo(403);
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
        assertThat(tempDir.resolve("escaped.txt")).doesNotExist();
        assertThat(tempDir.getParent().resolve("escaped.txt")).doesNotExist();

        // Email, delivered to the embedded GreenMail
        HttpResponse<String> mail = send("POST", "/email/send",
                "{\"to\":[\"alice@example.test\"],\"subject\":\"Hi\",\"body\":\"over http\"}");
        assertThat(mail.statusCode()).isEqualTo(202);
        String messageId = mail.body().replaceAll(".*\"messageId\":\"([^\"]+)\".*", "$1");
        MimeMessage[] received = engines.greenMail().getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Hi");
        assertThat(received[0].getHeader("X-Oktyv-Message-Id", null)).isEqualTo(messageId);
        assertThat(send("POST", "/email/send", "{\"to\":[\"not an address\"],\"subject\":\"s\",\"body\":\"b\"}")
                .statusCode()).isEqualTo(400);

        // Health: one check per engine, all up
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        bodies.add(health.body());
        assertThat(health.statusCode()).isEqualTo(200);
        for (String check : List.of("database", "vault", "files", "smtp", "http-workers")) {
            assertThat(health.body()).contains("\"name\":\"" + check + "\",\"status\":\"UP\"");
        }
        assertThat(health.body()).contains("\"status\":\"UP\"");

        // No response body carries the token, a temp path or the vault's files
        for (String body : bodies) {
            assertThat(body).doesNotContain(token).doesNotContain(tempDir.toString())
                    .doesNotContain(outside.toString()).doesNotContain("/tmp");
        }
        String printed = out.toString();
        assertThat(printed.indexOf(token)).isEqualTo(printed.lastIndexOf(token));

        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(tempDir).doesNotExist(); // cleaned up when --duration ran out
        assertThat(out.toString()).doesNotContain(tempDir.toString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        bodies.add(r.body());
        return r;
    }
}
