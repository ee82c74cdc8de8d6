package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.load.scenario.http.ServiceTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --target-url} and its token (a picocli mixin): the service-* scenarios against a running service. */
public final class ServiceTargetOptions {

    @Option(names = "--target-url", paramLabel = "URL", description = {"Run the service-* scenarios against this running"
            + " Oktyv service", "instead of starting one (alone: all service-* scenarios)."})
    String targetUrl;
    @Option(names = "--target-token-file", paramLabel = "FILE", description = "File holding --target-url's bearer token.")
    Path targetTokenFile;
    @Option(names = "--target-token-env", paramLabel = "VAR", description = "Environment variable holding that token.")
    String targetTokenEnv;

    /**
     * The running service, or null to start one in process. The token is read from a file or the environment
     * only: the command line is recorded in run.json.
     *
     * @throws IllegalArgumentException naming the options that do not fit together
     */
    ServiceTarget target() {
        if (targetUrl == null) {
            if (targetTokenFile != null || targetTokenEnv != null) {
                throw new IllegalArgumentException("--target-token-file and --target-token-env need --target-url");
            }
            return null;
        }
        if ((targetTokenFile == null) == (targetTokenEnv == null)) {
            throw new IllegalArgumentException("--target-url needs exactly one of --target-token-file FILE and"
                    + " --target-token-env VAR (the token itself is never taken on the command line)");
        }
        return targetTokenFile != null ? ServiceTarget.withTokenFile(targetUrl, targetTokenFile)
                : ServiceTarget.withTokenEnv(targetUrl, targetTokenEnv, System::getenv);
    }
}
