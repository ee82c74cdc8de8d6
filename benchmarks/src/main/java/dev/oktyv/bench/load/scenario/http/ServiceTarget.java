package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.probes.remote.TargetUrl;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An already running Oktyv service for the {@code service-*} scenarios ({@code load --target-url}): its base URL and
 * bearer token. The token comes from a file or an environment variable, never from the command line, because the
 * command line is recorded in run.json; no message or {@link #toString()} here shows it.
 */
public final class ServiceTarget implements AutoCloseable {

    private final URI base;
    private final Secret token;

    private ServiceTarget(URI base, Secret token) {
        this.base = base;
        this.token = token;
    }

    /** For tests and callers that already hold the token; {@code base} is validated like {@code --target-url}. */
    public static ServiceTarget of(String base, Secret token) {
        return new ServiceTarget(parseBase(base), Objects.requireNonNull(token, "token"));
    }

    /** Reads the token from {@code file}: its content with surrounding whitespace (a final newline) removed. */
    public static ServiceTarget withTokenFile(String base, Path file) {
        URI uri = parseBase(base);
        return new ServiceTarget(uri, readTokenFile(file));
    }

    /**
     * The bearer token in {@code file} ({@code --target-token-file}), for every command that takes one: its content
     * with surrounding whitespace removed, one line without spaces or control characters.
     */
    public static Secret readTokenFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The exception's message names the file and the cause (no such file, access denied), not the content.
            throw new IllegalArgumentException("--target-token-file: cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return checkedToken(content, "--target-token-file " + file);
    }

    /** Reads the token from the environment variable {@code variable} (looked up by {@code env}). */
    public static ServiceTarget withTokenEnv(String base, String variable, java.util.function.UnaryOperator<String> env) {
        URI uri = parseBase(base);
        String value = env.apply(variable);
        if (value == null) {
            throw new IllegalArgumentException("--target-token-env: environment variable " + variable + " is not set");
        }
        return new ServiceTarget(uri, checkedToken(value, "--target-token-env " + variable));
    }

    private static Secret checkedToken(String raw, String source) {
        String t = raw.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(source + " holds an empty token");
        }
        // A control character or space would break (or inject into) the Authorization header.
        if (t.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException(source + ": the token must be one line without spaces or control characters");
        }
        return Secret.of(t);
    }

    private static URI parseBase(String url) {
        return TargetUrl.parse(url, TargetUrl.Schemes.HTTP_OR_HTTPS).base();
    }

    /**
     * {@code absolutePath} ({@code /vault/x}, as the service's routes are written) under {@code base}, keeping
     * {@code base}'s path prefix: {@code URI.resolve} with an absolute path would drop it.
     */
    public static URI resolve(URI base, String absolutePath) {
        return TargetUrl.resolve(base, absolutePath);
    }

    public URI base() {
        return base;
    }

    /** The bearer token; valid until {@link #close()}. */
    Secret token() {
        return token;
    }

    /** Wipes the token. */
    @Override
    public void close() {
        token.destroy();
    }

    @Override
    public String toString() {
        return "ServiceTarget[" + base + "]";
    }
}
