package dev.oktyv.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.OktyvBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern TOKEN = Pattern.compile("Bearer token \\(shown once\\): (\\S+)");

    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    @Test
    void servesHealthOpenlyAndMetricsWithThePrintedToken() throws Exception {
        CompletableFuture<String> routesLine = new CompletableFuture<>();
        StringWriter out = new StringWriter() {
            @Override
            public void write(String str, int off, int len) {
                super.write(str, off, len);
                if (toString().contains("Routes:")) {
                    routesLine.complete(toString()); // the last announcement line: URL and token are already out
                }
            }
        };
        StringWriter err = new StringWriter();
        Thread serve = new Thread(() -> exitCode.complete(OktyvBench.execute(
                new String[] {"serve", "--duration", "6s"}, new PrintWriter(out, true), new PrintWriter(err, true))));
        serve.start();
        routesLine.get(30, TimeUnit.SECONDS);
        Matcher url = URL.matcher(out.toString());
        assertThat(url.find()).as("URL printed; stderr: " + err).isTrue();
        Matcher token = TOKEN.matcher(out.toString());
        assertThat(token.find()).isTrue();

        HttpClient http = HttpClient.newHttpClient();
        String base = url.group(1);
        assertThat(base).startsWith("http://127.0.0.1:");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"name\":\"http-workers\",\"status\":\"UP\"");
        // No read fallback by default: without its database the service cannot answer item reads.
        assertThat(health.body()).contains("\"name\":\"database\",\"status\":\"UP\",\"critical\":true");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + token.group(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("oktyv_http_request_duration_seconds_count{route=\"GET /health\",status=\"2xx\"} 1");

        assertThat(exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        String printed = out.toString();
        assertThat(printed.indexOf(token.group(1))).isEqualTo(printed.lastIndexOf(token.group(1)));
        assertThat(printed).contains("Stopped after PT6S");
    }

    @Test
    void withStaleReadsTheDatabaseIsNotCritical() throws Exception {
        CompletableFuture<String> routesLine = new CompletableFuture<>();
        StringWriter out = new StringWriter() {
            @Override
            public void write(String str, int off, int len) {
                super.write(str, off, len);
                if (toString().contains("Routes:")) {
                    routesLine.complete(toString());
                }
            }
        };
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serve = new Thread(() -> exit.complete(OktyvBench.execute(
                new String[] {"serve", "--stale-reads", "--duration", "3s"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))));
        serve.start();
        routesLine.get(30, TimeUnit.SECONDS);
        Matcher url = URL.matcher(out.toString());
        assertThat(url.find()).isTrue();
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"name\":\"database\",\"status\":\"UP\",\"critical\":false");
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }

    @Test
    void badOptionsAreUsageErrors() {
        StringWriter err = new StringWriter();
        PrintWriter e = new PrintWriter(err, true);
        PrintWriter o = new PrintWriter(new StringWriter(), true);
        assertThat(OktyvBench.execute(new String[] {"serve", "--port", "70000"}, o, e)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("70000");
        assertThat(OktyvBench.execute(new String[] {"serve", "--duration", "soon"}, o, e)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'soon' is not a duration");
        assertThat(OktyvBench.execute(new String[] {"serve", "--cors-origin", "*"}, o, e)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("without wildcard");
        assertThat(OktyvBench.execute(new String[] {"serve", "--db-url", "jdbc:mysql://db/x"}, o, e)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--db-url").contains("jdbc:mysql:");
    }
}
