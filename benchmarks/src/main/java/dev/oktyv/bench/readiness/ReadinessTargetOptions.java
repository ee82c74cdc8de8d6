package dev.oktyv.bench.readiness;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import dev.oktyv.probes.remote.TargetUrl;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --target-url} and {@code --target-token-file} of {@code readiness} (a picocli mixin). */
public final class ReadinessTargetOptions {

    @Option(names = "--target-url", paramLabel = "URL", description = {"Your running Oktyv service: the load,"
            + " monitoring and service security and recovery", "checks address it; steps that need the embedded"
            + " engines are reported not applicable."})
    String targetUrl;
    @Option(names = "--target-token-file", paramLabel = "FILE", description = "File holding --target-url's bearer"
            + " token (never on the command line, which run.json records).")
    Path targetTokenFile;

    /** Validated before any run folder exists. */
    Optional<ReadinessTarget> target() {
        if ((targetUrl == null) != (targetTokenFile == null)) {
            throw new UsageException("--target-url and --target-token-file go together; give both or neither");
        }
        if (targetUrl == null) {
            return Optional.empty();
        }
        try {
            TargetUrl url = TargetUrl.parse(targetUrl, TargetUrl.Schemes.HTTP_OR_HTTPS);
            return Optional.of(new ReadinessTarget(url, ServiceTarget.readTokenFile(targetTokenFile)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
