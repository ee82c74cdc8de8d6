package dev.oktyv.bench.duration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's duration options, one grammar: a malformed value is refused while parsing (before anything
 * runs or any run folder exists) with the same one line, naming the option and the value, and exit 2.
 */
class DurationOptionsTest {

    @TempDir
    Path results;

    /** Command, option, and the arguments a command needs besides the duration to get that far. */
    static Stream<Arguments> durationOptions() {
        return Stream.of(
                Arguments.of("run", "-w", List.of("--results-dir", "@RESULTS")),
                Arguments.of("run", "-r", List.of("--results-dir", "@RESULTS")),
                Arguments.of("load", "--duration", List.of("--results-dir", "@RESULTS")),
                Arguments.of("load", "--warmup", List.of("--results-dir", "@RESULTS")),
                Arguments.of("load", "--think-time", List.of("--results-dir", "@RESULTS")),
                Arguments.of("load", "--ramp-up", List.of("--results-dir", "@RESULTS")),
                Arguments.of("load", "--timeout", List.of("--results-dir", "@RESULTS")),
                Arguments.of("load", "--stress-step-duration", List.of("--results-dir", "@RESULTS")),
                Arguments.of("serve", "--duration", List.of()),
                Arguments.of("profile", "--duration", List.of("--pid", "1")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("durationOptions")
    void malformedIsOneLineAndExitTwo(String command, String option, List<String> rest) {
        Run r = run(command, option, "ten", rest);
        assertThat(r.exit).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err.lines().findFirst()).contains("error: Invalid value for option '" + option + "': 'ten' is"
                + " not a duration (use a number and a unit: 500ms, 10s, 2m, 1h; or ISO-8601 such as PT30S)");
        assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(results).isEmptyDirectory();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("durationOptions")
    void aBareNumberNeedsAUnitExceptInJmhsOwnOptions(String command, String option, List<String> rest) {
        if (command.equals("run")) {
            return; // -w and -r are JMH's: a bare number is seconds there (DurationsTest)
        }
        Run r = run(command, option, "10", rest);
        assertThat(r.exit).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err.lines().findFirst()).contains("error: Invalid value for option '" + option + "': '10' is"
                + " not a duration (use a number and a unit: 500ms, 10s, 2m, 1h; or ISO-8601 such as PT30S)");
    }

    private Run run(String command, String option, String value, List<String> rest) {
        List<String> args = new ArrayList<>(List.of(command, option, value));
        rest.forEach(a -> args.add(a.equals("@RESULTS") ? results.toString() : a));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OktyvBench.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, err.toString());
    }

    private record Run(int exit, String err) {
    }
}
