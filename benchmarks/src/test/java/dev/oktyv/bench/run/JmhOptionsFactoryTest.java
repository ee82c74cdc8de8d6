package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.bench.catalog.BenchmarkInfo;
import dev.oktyv.bench.catalog.BenchmarkInfo.AnnotatedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.junit.jupiter.api.Test;

class JmhOptionsFactoryTest {

    private static final BenchmarkInfo PLAIN = new BenchmarkInfo("a.B.get", Set.of(Mode.Throughput),
            Map.of("size", List.of("32", "1024")), AnnotatedSettings.none());
    private static final BenchmarkInfo PINNED = new BenchmarkInfo("a.B.derive", Set.of(Mode.SingleShotTime),
            Map.of(), new AnnotatedSettings(true, true, false, true, false));

    private static RunOptions options(Preset preset, OptionalInt forks, Map<String, List<String>> params) {
        return new RunOptions(List.of("B"), List.of(), preset, forks, OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.of(Duration.ofMillis(200)), OptionalInt.of(4), List.of(Mode.AverageTime),
                Optional.of(TimeUnit.MICROSECONDS), params, List.of(ProfilerSpec.parse("gc")),
                List.of("-Xmx512m"), true, Path.of("results"), dev.oktyv.profiles.capture.ProfileRequest.NONE);
    }

    @Test
    void theSuitePresetFillsWhatTheBenchmarkLeavesOpen() {
        Options o = JmhOptionsFactory.forBenchmark(options(Preset.SUITE, OptionalInt.empty(), Map.of()), PLAIN,
                VerboseMode.NORMAL);
        assertThat(o.getIncludes()).containsExactly("^\\Qa.B.get\\E$");
        assertThat(o.getForkCount().get()).isEqualTo(2);
        assertThat(o.getWarmupIterations().get()).isEqualTo(3);
        assertThat(o.getWarmupTime().get()).isEqualTo(TimeValue.seconds(1));
        assertThat(o.getMeasurementIterations().get()).isEqualTo(5);
        assertThat(o.getMeasurementTime().get()).isEqualTo(TimeValue.milliseconds(200)); // explicit -r wins
    }

    @Test
    void theSuitePresetLeavesPinnedSettingsToTheAnnotations() {
        Options o = JmhOptionsFactory.forBenchmark(options(Preset.SUITE, OptionalInt.empty(), Map.of()), PINNED,
                VerboseMode.NORMAL);
        assertThat(o.getForkCount().hasValue()).isFalse();
        assertThat(o.getWarmupIterations().hasValue()).isFalse();
        assertThat(o.getMeasurementIterations().hasValue()).isFalse();
        assertThat(o.getWarmupTime().get()).isEqualTo(TimeValue.seconds(1));
    }

    @Test
    void quickOverridesAnnotationsAndExplicitOptionsOverrideQuick() {
        Options o = JmhOptionsFactory.forBenchmark(options(Preset.QUICK, OptionalInt.of(3), Map.of()), PINNED,
                VerboseMode.NORMAL);
        assertThat(o.getForkCount().get()).isEqualTo(3);
        assertThat(o.getWarmupIterations().get()).isEqualTo(1);
        assertThat(o.getMeasurementIterations().get()).isEqualTo(3);
    }

    @Test
    void jmhDefaultsSetNoIterationSetting() {
        Options o = JmhOptionsFactory.forBenchmark(options(Preset.JMH_DEFAULTS, OptionalInt.empty(), Map.of()),
                PLAIN, VerboseMode.NORMAL);
        assertThat(o.getForkCount().hasValue()).isFalse();
        assertThat(o.getWarmupIterations().hasValue()).isFalse();
        assertThat(o.getMeasurementIterations().hasValue()).isFalse();
        assertThat(o.getWarmupTime().hasValue()).isFalse();
    }

    @Test
    void passesTheOtherJmhOptionsThrough() {
        Options o = JmhOptionsFactory.forBenchmark(
                options(Preset.SUITE, OptionalInt.empty(), Map.of("size", List.of("16"), "other", List.of("x"))),
                PLAIN, VerboseMode.EXTRA);
        assertThat(o.getThreads().get()).isEqualTo(4);
        assertThat(o.getBenchModes()).containsExactly(Mode.AverageTime);
        assertThat(o.getTimeUnit().get()).isEqualTo(TimeUnit.MICROSECONDS);
        assertThat(o.getParameter("size").get()).containsExactly("16");
        assertThat(o.getParameter("other").hasValue()).isFalse();
        assertThat(o.getProfilers()).extracting(p -> p.getKlass()).containsExactly("gc");
        assertThat(o.getJvmArgsAppend().get()).containsExactly("-Xmx512m");
        assertThat(o.getJvmArgs().hasValue()).isFalse();
        assertThat(o.shouldFailOnError().get()).isTrue();
        assertThat(o.verbosity().get()).isEqualTo(VerboseMode.EXTRA);
    }

    @Test
    void unknownParamsAreThoseNoSelectedBenchmarkDeclares() {
        RunOptions o = options(Preset.SUITE, OptionalInt.empty(), Map.of("size", List.of("1"), "sise", List.of("1")));
        assertThat(JmhOptionsFactory.unknownParams(o, List.of(PLAIN, PINNED))).containsExactly("sise");
    }

    @Test
    void parsesParamsInOrderAndNamesBadOnes() {
        assertThat(RunOptions.parseParams(List.of("size=32,1024", "mode=a"))).containsExactly(
                Map.entry("size", List.of("32", "1024")), Map.entry("mode", List.of("a")));
        assertThatThrownBy(() -> RunOptions.parseParams(List.of("=1"))).hasMessageContaining("'=1'");
        assertThatThrownBy(() -> RunOptions.parseParams(List.of("9x=1"))).hasMessageContaining("'9x=1'");
    }

    @Test
    void optionsNameTheBadValue() {
        assertThatThrownBy(() -> new RunOptions(List.of(), List.of(), Preset.SUITE, OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.of(0), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                List.of(), Optional.empty(), Map.of(), List.of(), List.of(), false, Path.of("r"),
                dev.oktyv.profiles.capture.ProfileRequest.NONE))
                .hasMessage("-i must be >= 1, was 0");
        assertThatThrownBy(() -> new RunOptions(List.of(), List.of(), Preset.SUITE, OptionalInt.of(-1),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                List.of(), Optional.empty(), Map.of(), List.of(), List.of(), false, Path.of("r"),
                dev.oktyv.profiles.capture.ProfileRequest.NONE))
                .hasMessage("-f must be >= 0, was -1");
    }

    @Test
    void presetsDescribeThemselvesAndTheirCost() {
        assertThat(Preset.QUICK.plan().orElseThrow().describe()).isEqualTo("-f 1 -wi 1 -i 3 -w 1s -r 1s");
        assertThat(Preset.QUICK.plan().orElseThrow().timePerCombination()).isEqualTo(Duration.ofSeconds(4));
        assertThat(Preset.SUITE.plan().orElseThrow().describe()).isEqualTo("-f 2 -wi 3 -i 5 -w 1s -r 1s");
        assertThat(Preset.SUITE.plan().orElseThrow().timePerCombination()).isEqualTo(Duration.ofSeconds(16));
        assertThat(Preset.JMH_DEFAULTS.plan()).isEmpty();
    }
}
