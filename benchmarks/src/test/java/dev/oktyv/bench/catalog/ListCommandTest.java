package dev.oktyv.bench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void listsBenchmarksWithModesAndParams() {
        Cli.Result r = Cli.run("list", "calibration.Baseline");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "dev.oktyv.bench.calibration.BaselineBenchmark.consumeCpu  [avgt]  tokens=1024",
                "dev.oktyv.bench.calibration.BaselineBenchmark.empty       [avgt]",
                "2 benchmarks, 2 parameter combinations");
    }

    @Test
    void aRegexThatMatchesNothingSuggestsTheClosestNamesAndExits2() {
        Cli.Result r = Cli.run("list", "BaselineBenchmark.emtpy");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        // Only the two nearest names are pinned: the third depends on which other benchmarks the build holds.
        assertThat(r.err().strip()).startsWith("error: no benchmark matches 'BaselineBenchmark.emtpy'; closest: "
                + "dev.oktyv.bench.calibration.BaselineBenchmark.empty, ")
                .doesNotContain("\n");
    }

    @Test
    void everyRegexMustMatch() {
        Cli.Result r = Cli.run("list", "calibration.Baseline", "Vualt");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: no benchmark matches 'Vualt'; closest: ");
    }

    @Test
    void anInvalidRegexIsAUsageError() {
        Cli.Result r = Cli.run("list", "Baseline[");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).startsWith("error: 'Baseline[' is not a valid regex: Unclosed character class");
    }
}
