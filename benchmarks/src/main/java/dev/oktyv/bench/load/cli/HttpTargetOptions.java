package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.duration.DurationConverter;
import dev.oktyv.bench.load.http.HttpMethod;
import dev.oktyv.bench.load.http.HttpRequestSpec;
import dev.oktyv.bench.load.http.HttpScenario;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The generic HTTP target of {@code load --url} (a picocli mixin): your own service, one request shape. */
public final class HttpTargetOptions {

    @Option(names = "--url", paramLabel = "URL", description = "Generic HTTP target: your own service.")
    String url;
    @Option(names = "--method", paramLabel = "M", defaultValue = "GET",
            description = "One of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    HttpMethod method;
    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "Request header (repeatable); values are not recorded.")
    List<String> headers = new ArrayList<>();
    @Option(names = "--body", paramLabel = "@FILE", description = "Request body read from a file.")
    String body;
    @Option(names = "--connections", paramLabel = "N", description = "Keep-alive connections to --url (default 10).")
    Integer connections;
    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "Per-request connect/read timeout.")
    Duration timeout;

    boolean given() {
        return url != null;
    }

    /**
     * The scenario of {@code --url}, empty without it.
     *
     * @param workersOrConcurrency {@code --workers} or {@code --concurrency} when given: each worker owns one
     *                             connection, so they must agree with {@code --connections}
     * @throws IllegalArgumentException naming the bad option and value
     */
    Optional<HttpScenario> scenario(Integer workersOrConcurrency) {
        if (url == null) {
            if (connections != null || !headers.isEmpty() || body != null) {
                throw new IllegalArgumentException("--connections, --header and --body need --url");
            }
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url '" + url + "' is not a URL: " + e.getReason());
        }
        List<HttpRequestSpec.Header> hs = headers.stream().map(HttpRequestSpec.Header::parse).toList();
        int c = connections != null ? connections : workersOrConcurrency != null ? workersOrConcurrency : 10;
        if (workersOrConcurrency != null && workersOrConcurrency != c) {
            throw new IllegalArgumentException("--connections " + c + " disagrees with --workers/--concurrency: each"
                    + " worker owns one connection, give one of them");
        }
        if (timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be longer than zero, got '0s'");
        }
        return Optional.of(new HttpScenario(new HttpRequestSpec(uri, method.name(), hs, body(), timeout), c));
    }

    private byte[] body() {
        if (body == null) {
            return new byte[0];
        }
        if (!body.startsWith("@")) {
            throw new IllegalArgumentException("--body must be @FILE (a file holding the request body), got '" + body + "'");
        }
        try {
            return Files.readAllBytes(Path.of(body.substring(1)));
        } catch (IOException e) {
            throw new IllegalArgumentException("--body: cannot read " + body.substring(1) + ": " + e.getMessage());
        }
    }

    /** The command line for run.json, with header values replaced: they often carry tokens. */
    static List<String> redacted(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--header") && i + 1 < args.size()) {
                out.add(a);
                out.add(redactHeader(args.get(++i)));
            } else if (a.startsWith("--header=")) {
                out.add("--header=" + redactHeader(a.substring("--header=".length())));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static String redactHeader(String h) {
        int colon = h.indexOf(':');
        return colon < 0 ? "<redacted>" : h.substring(0, colon + 1) + "<redacted>";
    }
}
