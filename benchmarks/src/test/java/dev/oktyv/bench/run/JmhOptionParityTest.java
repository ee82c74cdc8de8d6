package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.catalog.BenchmarkInfo;
import dev.oktyv.bench.catalog.BenchmarkInfo.AnnotatedSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code run} reads JMH's own options as JMH does: each row of JMH's option list (JMH 1.37 {@code -h}), parsed by
 * {@code run} and turned into the {@link Options} of one benchmark, has the same effective settings as
 * {@link CommandLineOptions} gives for the same arguments. {@code --jmh-defaults} keeps the suite's preset out of
 * the comparison; the preset's own precedence is {@link JmhOptionsFactoryTest}'s subject. Arguments in a row are
 * separated by ';' so that one argument can hold spaces, as a quoted shell argument does.
 */
class JmhOptionParityTest {

    /** A benchmark declaring the params the rows override: the factory passes on only the params it declares. */
    private static final BenchmarkInfo BENCHMARK = new BenchmarkInfo("x.B.m", Set.of(Mode.Throughput),
            Map.of("a", List.of("0"), "b", List.of("0")), AnnotatedSettings.none());

    @ParameterizedTest
    @ValueSource(strings = {
            "-i;3", "-bs;4", "-r;5", "-r;100ms", "-r;2min", "-r;100 ms", "-wi;2", "-wbs;3", "-w;7", "-w;250ms", "-w;3m",
            "-to;5", "-to;1hr", "-to;30s", "-t;4", "-t;max", "-bm;avgt", "-bm;thrpt,ss", "-bm;all", "-bm;SampleTime",
            "-si;false", "-si;true", "-gc;true", "-foe;true", "-foe;false", "-v;EXTRA", "-v;SILENT", "-f;3", "-f;0",
            "-wf;2", "-prof;gc", "-prof;stack:lines=5", "-prof;gc;-prof;stack", "-tg;1,2",
            "-jvm;/usr/bin/java", "-jvmArgs;-Xmx1g", "-jvmArgs;-Xmx1g -Dx=1", "-jvmArgs;-Xmx1g;-jvmArgs;-Dy=2",
            "-jvmArgs;-ea", "-jvmArgs;-verbose:gc", "-jvmArgsAppend;-ea", "-jvmArgsAppend;-Da=1 -Db=2",
            "-jvmArgsPrepend;-da", "-tu;us", "-tu;m", "-tu;ns", "-opi;10", "-wm;BULK", "-wm;BULK_INDI", "-wm;INDI",
            "-wmb;Foo,Bar", "-wmb;Foo;-wmb;Bar", "-e;x,y", "-e;x;-e;y", "-p;a=1,2;-p;b=3", "-p;a=1;-p;a=2", "Foo;Bar",
            "-f;1;-wi;2;-i;3;-w;1;-r;2;-bs;5;-opi;2;-si;false;-gc;true;-foe;true;-to;20;-t;2;-tu;ms;-bm;avgt;"
                    + "-jvmArgs;-Xmx64m;-jvmArgsPrepend;-Dp=1;-jvmArgsAppend;-Dq=2;-wm;BULK;-wf;1;-wmb;W;-p;a=1;Foo",
    })
    void readsJmhsOptionsAsJmhDoes(String row) throws Exception {
        String[] args = row.split(";");
        CommandLineOptions jmh = new CommandLineOptions(args);

        RunCommand run = new RunCommand();
        List<String> ours = new ArrayList<>(List.of("--jmh-defaults"));
        ours.addAll(Arrays.asList(args));
        RunCommand.configure(new CommandLine(run)).parseArgs(ours.toArray(String[]::new));
        RunOptions options = run.options();
        Options effective = JmhOptionsFactory.forBenchmark(options, BENCHMARK, run.jmh.verbosity(false));

        assertThat(settings(effective)).as(row).isEqualTo(settings(jmh));
        assertThat(options.includes()).as(row).isEqualTo(jmh.getIncludes());
        assertThat(options.excludes()).as(row).isEqualTo(jmh.getExcludes());
    }

    /** Every setting {@link Options} exposes except includes (run anchors one benchmark per JMH invocation). */
    private static Map<String, Object> settings(Options o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("forks", value(o.getForkCount()));
        s.put("warmupForks", value(o.getWarmupForkCount()));
        s.put("warmupIterations", value(o.getWarmupIterations()));
        s.put("measurementIterations", value(o.getMeasurementIterations()));
        s.put("warmupTime", nanos(o.getWarmupTime()));
        s.put("measurementTime", nanos(o.getMeasurementTime()));
        s.put("timeout", nanos(o.getTimeout()));
        s.put("warmupBatchSize", value(o.getWarmupBatchSize()));
        s.put("measurementBatchSize", value(o.getMeasurementBatchSize()));
        s.put("operationsPerInvocation", value(o.getOperationsPerInvocation()));
        s.put("threads", value(o.getThreads()));
        s.put("threadGroups", map(o.getThreadGroups(), Arrays::toString));
        s.put("modes", new TreeSet<>(o.getBenchModes()));
        s.put("timeUnit", value(o.getTimeUnit()));
        s.put("syncIterations", value(o.shouldSyncIterations()));
        s.put("gc", value(o.shouldDoGC()));
        // run always states fail-on-error and verbosity; JMH leaves them unset when not given: compare what applies.
        s.put("failOnError", o.shouldFailOnError().orElse(false));
        s.put("verbosity", o.verbosity().orElse(VerboseMode.NORMAL));
        s.put("jvm", value(o.getJvm()));
        s.put("jvmArgs", map(o.getJvmArgs(), List::copyOf));
        s.put("jvmArgsAppend", map(o.getJvmArgsAppend(), List::copyOf));
        s.put("jvmArgsPrepend", map(o.getJvmArgsPrepend(), List::copyOf));
        s.put("warmupMode", value(o.getWarmupMode()));
        s.put("warmupIncludes", List.copyOf(o.getWarmupIncludes()));
        s.put("param a", map(o.getParameter("a"), List::copyOf));
        s.put("param b", map(o.getParameter("b"), List::copyOf));
        s.put("profilers", o.getProfilers().stream().map(p -> p.getKlass() + ":" + p.getOpts()).toList());
        return s;
    }

    private static Object value(Optional<?> o) {
        return o.hasValue() ? o.get() : "unset";
    }

    private static <T> Object map(Optional<T> o, Function<T, Object> f) {
        return o.hasValue() ? f.apply(o.get()) : "unset";
    }

    private static Object nanos(Optional<TimeValue> t) {
        return t.hasValue() ? t.get().convertTo(TimeUnit.NANOSECONDS) : "unset";
    }
}
