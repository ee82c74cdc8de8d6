package dev.oktyv.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.ResultsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One {@code --target-url} parser: the same bad URL is the same one-line message and exit 2 in every command that
 * takes the option, before any run folder exists.
 */
class TargetUrlOptionTest {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("load", "--quiet", "--duration", "1s"),
            List.of("security"),
            List.of("recovery"),
            List.of("readiness", "--quick"));

    @TempDir
    Path results;
    @TempDir
    Path secrets;

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1:1/", "localhost:8080", "http://exa mple/", "http://127.0.0.1:1/?x=1",
            "http://127.0.0.1:1/api#top", "http:///health", "http://user:s3cr3t@127.0.0.1:1/", ""})
    void theSameBadUrlIsTheSameLineAndExitTwoEverywhere(String url) throws IOException {
        Path tokenFile = Files.writeString(secrets.resolve("token"), "t0k3n");
        String expected = null;
        for (List<String> command : COMMANDS) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--target-url", url, "--target-token-file", tokenFile.toString(),
                    "--results-dir", results.toString()));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            String line = r.err().strip();
            assertThat(line).as(command.get(0)).startsWith("error: --target-url").doesNotContain("\n")
                    .doesNotContain("s3cr3t").doesNotContain("t0k3n");
            if (expected == null) {
                expected = line;
            }
            assertThat(line).as(command.get(0)).isEqualTo(expected);
        }
        assertThat(new ResultsStore(results).list()).isEmpty();
    }
}
