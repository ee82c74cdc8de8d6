package dev.oktyv.bench.serve;

import dev.oktyv.bench.OktyvBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve ARGS} on a thread of its own (give it a {@code --duration}), for tests that talk to it: {@link #start}
 * returns once the announcement is out ("Routes:" is its last line), with the printed URL.
 */
public final class ServeRun {

    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

    private final StringWriter out;
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final CompletableFuture<String> announced = new CompletableFuture<>();

    private ServeRun() {
        out = new StringWriter() {
            @Override
            public void write(String str, int off, int len) {
                super.write(str, off, len);
                if (toString().contains("Routes:")) {
                    announced.complete(toString());
                }
            }
        };
    }

    /** Starts {@code serve args} and waits (at most 30 s) until it has announced its URL, token and routes. */
    public static ServeRun start(String... args) throws Exception {
        ServeRun run = new ServeRun();
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        Thread serve = new Thread(() -> run.exit.complete(OktyvBench.execute(all, new PrintWriter(run.out, true),
                new PrintWriter(run.err, true))));
        serve.start();
        run.announced.get(30, TimeUnit.SECONDS);
        return run;
    }

    /** What serve printed so far. */
    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    /** The base URL serve printed, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        Matcher m = URL.matcher(out());
        if (!m.find()) {
            throw new AssertionError("no URL in serve's output: " + out() + "; stderr: " + err());
        }
        return m.group(1);
    }

    /** An unauthenticated GET of {@code path} (e.g. {@code /health}). */
    public HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Serve's exit code, waiting (at most 30 s) for its {@code --duration} to end. */
    public int exit() throws Exception {
        return exit.get(30, TimeUnit.SECONDS);
    }
}
