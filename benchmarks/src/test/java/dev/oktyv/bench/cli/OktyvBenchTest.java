package dev.oktyv.bench.cli;

import dev.oktyv.bench.OktyvBench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.SuiteVersion;
import org.junit.jupiter.api.Test;

class OktyvBenchTest {

    @Test
    void versionNamesTheSuiteAndTheJvm() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("oktyv-bench " + SuiteVersion.get()).contains("JVM: ");
    }

    @Test
    void helpListsTheFoundationCommands() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("list", "run", "jmh", "results");
    }

    @Test
    void anUnknownOptionPrintsUsageAndExits2() {
        Cli.Result r = Cli.run("run", "--bogus");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: Unknown option: '--bogus'").contains("Usage: oktyv-bench run");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void anUnknownCommandSuggestsTheClosest() {
        Cli.Result r = Cli.run("rnu");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'rnu'").contains("run");
    }

    @Test
    void aBadOptionValueIsOneLineNamingIt() {
        Cli.Result r = Cli.run("run", "-w", "fast");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().findFirst()).contains(
                "error: Invalid value for option '-w': 'fast' is not a duration (use a number and a unit: 500ms, 10s, 2m, 1h;"
                + " or ISO-8601 such as PT30S)");
        assertThat(r.err()).doesNotContain("Usage:");
    }

    @Test
    void jmhReceivesItsArgumentsUnparsed() {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        Cli.Result r;
        try {
            // -l and -bm are JMH options; picocli must neither reject nor consume them.
            r = Cli.run("jmh", "-l", "-bm", "avgt", "Baseline");
        } finally {
            System.setOut(saved);
        }
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("dev.oktyv.bench.calibration.BaselineBenchmark.empty")
                .doesNotContain("FailingBenchmark");
    }

    @Test
    void everySubCommandExceptJmhAnswersHelpWithItsUsageAndExit0() {
        java.util.Set<String> names = new picocli.CommandLine(new OktyvBench()).getSubcommands().keySet();
        assertThat(names).contains("flame", "run", "load", "compare");
        for (String name : names) {
            if (name.equals("jmh")) {
                continue;
            }
            for (String flag : new String[] {"--help", "-h"}) {
                Cli.Result r = Cli.run(name, flag);
                assertThat(r.exit()).as(name + " " + flag + ": " + r.err()).isZero();
                assertThat(r.out()).as(name + " " + flag).contains("Usage: oktyv-bench " + name);
            }
        }
    }
}
