package dev.oktyv.bench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkCatalogTest {

    private static final BenchmarkCatalog CATALOG =
            BenchmarkCatalog.fromClassPath(BenchmarkCatalogTest.class.getClassLoader());

    @Test
    void readsEveryListOnTheClassPath() {
        // main (target/classes) and test (target/test-classes) each contribute a BenchmarkList.
        assertThat(CATALOG.all()).extracting(BenchmarkInfo::name).contains(
                "dev.oktyv.bench.calibration.BaselineBenchmark.empty",
                "dev.oktyv.bench.testing.FailingBenchmark.aFails");
    }

    @Test
    void skipsTheBlankLinesThatTheShadeMergeInserts() {
        String line = "JMH S 45 dev.oktyv.bench.calibration.BaselineBenchmark S 73 "
                + "dev.oktyv.bench.calibration.jmh_generated.BaselineBenchmark_empty_jmhTest S 5 empty S 11 "
                + "AverageTime E A 1 1 1 E E E E E E E E E E E E E E U 11 NANOSECONDS E E";
        String other = line.replace("AverageTime", "Throughput").replace("S 11 Throughput", "S 10 Throughput");
        assertThat(BenchmarkCatalog.parse(line + "\n\n" + other + "\n\n"))
                .extracting(e -> e.getMode().shortLabel()).containsExactly("avgt", "thrpt");
    }

    @Test
    void selectsWithJmhsFindRuleAndExcludes() {
        assertThat(CATALOG.select(List.of("calibration.Baseline"), List.of("consume"))).extracting(BenchmarkInfo::name)
                .containsExactly("dev.oktyv.bench.calibration.BaselineBenchmark.empty");
        assertThat(CATALOG.select(List.of("^dev.*Fail"), List.of())).hasSize(2);
        assertThatThrownBy(() -> CATALOG.select(List.of("("), List.of()))
                .hasMessageStartingWith("'(' is not a valid regex");
    }

    @Test
    void recordsWhichSettingsAreUnpinned() {
        BenchmarkInfo empty = CATALOG.select(List.of("Baseline.*empty"), List.of()).get(0);
        assertThat(empty.annotated()).isEqualTo(BenchmarkInfo.AnnotatedSettings.none());
        assertThat(empty.params()).isEmpty();
        assertThat(empty.paramCombinations()).isEqualTo(1);
    }
}
