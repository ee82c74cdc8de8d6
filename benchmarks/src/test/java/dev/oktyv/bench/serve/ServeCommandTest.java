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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    private static final Pattern TOKEN = Pattern.compile("Bearer token \\(shown once\\): (\\S+)");

    @Test
    void servesHealthOpenlyAndMetricsWithThePrintedToken() throws Exception {
        ServeRun serve = ServeRun.start("--duration", "6s");
        Matcher token = TOKEN.matcher(serve.out());
        assertThat(token.find()).isTrue();

        HttpClient http = HttpClient.newHttpClient();
        String base = serve.url();
        assertThat(base).startsWith("http://127.0.0.1:");
        HttpResponse<String> health = serve.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"name\":\"http-workers\",\"status\":\"UP\"");
        // No read fallback by default: without its database the service cannot answer item reads.
        assertThat(health.body()).contains("\"name\":\"database\",\"status\":\"UP\",\"critical\":true");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + token.group(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("oktyv_http_request_duration_seconds_count{route=\"GET /health\",status=\"2xx\"} 1");

        assertThat(serve.exit()).isEqualTo(ExitCodes.OK);
        String printed = serve.out();
        assertThat(printed.indexOf(token.group(1))).isEqualTo(printed.lastIndexOf(token.group(1)));
        assertThat(printed).contains("Stopped after PT6S");
    }

    @Test
    void withStaleReadsTheDatabaseIsNotCritical() throws Exception {
        ServeRun serve = ServeRun.start("--stale-reads", "--duration", "3s");
        assertThat(serve.get("/health").body())
                .contains("\"name\":\"database\",\"status\":\"UP\",\"critical\":false");
        assertThat(serve.exit()).isEqualTo(ExitCodes.OK);
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
