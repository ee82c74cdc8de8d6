package dev.oktyv.analysis.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart pieces a reader sees first: tick labels, names, the choice of axis. The browser test shows them rendered. */
class ChartsTest {

    @Test
    void valuesUseSiPrefixesNeverExponents() {
        assertThat(Si.format(1.2e6)).isEqualTo("1.2M");
        assertThat(Si.format(11751)).isEqualTo("11.8k");
        assertThat(Si.format(999_960)).isEqualTo("1M");
        assertThat(Si.format(-1500)).isEqualTo("-1.5k");
        assertThat(Si.format(0.0412)).isEqualTo("0.0412");
        assertThat(Si.format(0)).isEqualTo("0");
        assertThat(Si.format(3.2e12)).isEqualTo("3.2T");
    }

    @Test
    void neighbouringTicksNeverReadTheSame() {
        // "1e+06" three times was the old rendering of these
        assertThat(Si.ticks(new double[] {1.2e6, 1.4e6, 1.6e6})).containsExactly("1.2M", "1.4M", "1.6M");
        assertThat(Si.ticks(new double[] {1.18e6, 1.2e6, 1.22e6})).containsExactly("1.18M", "1.2M", "1.22M");
        assertThat(Si.ticks(new double[] {0, 200_000, 400_000, 1_000_000})).containsExactly("0", "200k", "400k", "1M");
        assertThat(Si.ticks(new double[] {0.02, 0.04, 0.06})).containsExactly("0.02", "0.04", "0.06");
    }

    @Test
    void linearTicksAreRoundWithoutFloatingPointDrift() {
        assertThat(Si.ticks(new Scale(0, 0.7, false, 0, 100).ticks())).containsExactly("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7");
    }

    @Test
    void aLogAxisWithinOneDecadeStillHasSeveralTicks() {
        // p99 between 2 and 5 ms: powers of ten alone gave one tick
        double[] ticks = Scale.fit(2, 4.8, true, 200, 0).ticks();
        assertThat(ticks.length).isGreaterThanOrEqualTo(3);
        assertThat(Arrays.stream(ticks)).allMatch(t -> t > 0);
        assertThat(Scale.fit(0.5, 80, true, 200, 0).ticks()).containsExactly(0.5, 1, 2, 5, 10, 20, 50);
        assertThat(Scale.fit(0.02, 80, true, 200, 0).ticks()).containsExactly(0.1, 1, 10);
    }

    @Test
    void scoresSpanningOrdersOfMagnitudeGetALogAxisAndEveryBarIsVisible() {
        List<Charts.Bar> bars = List.of(new Charts.Bar("a", 0.04, 0.001), new Charts.Bar("b", 120, 3), new Charts.Bar("c", 11751, 300));
        assertThat(Charts.logAxis(bars)).isTrue();
        assertThat(Charts.logAxis(List.of(new Charts.Bar("a", 100, 1), new Charts.Bar("b", 150, 1)))).isFalse();
        assertThat(Charts.logAxis(List.of(new Charts.Bar("a", 0, 1), new Charts.Bar("b", 150, 1)))).isFalse();
        String svg = Charts.bars("Scores", "ops/ms", bars);
        assertThat(svg).contains("Scores (ops/ms, log axis)");
        Matcher m = Pattern.compile("<rect x=\"[\\d.]+\" y=\"[\\d.]+\" width=\"([\\d.]+)\"").matcher(svg);
        int n = 0;
        while (m.find()) {
            if (n++ < bars.size()) {
                assertThat(Double.parseDouble(m.group(1))).as("bar width in px").isGreaterThan(5);
            }
        }
        assertThat(ticks(svg)).doesNotHaveDuplicates().noneMatch(t -> t.contains("e+"));
    }

    @Test
    void longNamesAreWrappedNotCut() {
        String name = "VaultOperationsBenchmark.getWithAVeryLongDescriptiveMethodName [payloadShape=nested-objects-with-optional-fields, valueBytes=65536] (thrpt)";
        List<String> lines = Charts.wrap(name, 60);
        assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> l.length() <= 60);
        assertThat(String.join("", lines)).isEqualTo(name);
        String svg = Charts.bars("Scores", "ops/ms", List.of(new Charts.Bar(name, 1, 0.1)));
        assertThat(svg).contains(">VaultOperationsBenchmark.getWithAVeryLongDescriptiveMethodName [payloadShape=nested-objects-with-optional-</text>");
    }

    @Test
    void runChartHasOneWholeNumberedSlotPerRunWithErrorBarsAndHover() {
        List<RunChart.Point> points = List.of(new RunChart.Point("#1", "run r1, commit aaaaaaa", 1.2e6, 1e4),
                new RunChart.Point("#2", "run r2, commit bbbbbbb", 1.25e6, 1e4), new RunChart.Point("#3", "run r3, commit ccccccc", 1.4e6, 1e4));
        String svg = RunChart.of("VaultBench.get", "ops/s", points, Set.of(2));
        assertThat(ticks(svg)).contains("#1", "#2", "#3").noneMatch(t -> t.matches("\\d+\\.\\d+")).doesNotHaveDuplicates();
        assertThat(svg).contains("<title>run r2, commit bbbbbbb</title>", "run r3, commit ccccccc: 1.4M ± 10k ops/s")
                .contains("stroke-dasharray");
        assertThat(svg.split("<g class=\"error-bar\">", -1)).hasSize(4);
    }

    private static List<String> ticks(String svg) {
        Matcher m = Pattern.compile("class=\"tick\">([^<]*)</text>").matcher(svg);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(new HashSet<>(out)).isNotEmpty();
        return out;
    }
}
