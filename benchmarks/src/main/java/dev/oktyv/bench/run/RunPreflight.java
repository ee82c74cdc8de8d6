package dev.oktyv.bench.run;

import dev.oktyv.bench.catalog.BenchmarkInfo;
import dev.oktyv.bench.cli.UsageException;
import java.util.List;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/** Rejects, before the run folder exists, what JMH would only reject once the run had started. */
final class RunPreflight {

    private RunPreflight() {
    }

    static void check(RunOptions options, List<BenchmarkInfo> selected, ClassLoader loader) {
        List<String> unknown = JmhOptionsFactory.unknownParams(options, selected);
        if (!unknown.isEmpty()) {
            List<String> known = selected.stream().flatMap(b -> b.params().keySet().stream()).distinct().sorted().toList();
            throw new UsageException("-p " + unknown.get(0) + ": no selected benchmark has a @Param named '"
                    + unknown.get(0) + "'" + (known.isEmpty() ? " (they have no @Param)" : "; known: "
                    + String.join(", ", known)));
        }
        ParamTypeCheck.firstMismatch(options.params(), selected, loader).ifPresent(why -> {
            throw new UsageException(why);
        });
        for (ProfilerSpec p : options.profilers()) {
            try {
                ProfilerFactory.getProfilerOrException(
                        p.options().map(o -> new ProfilerConfig(p.name(), o)).orElse(new ProfilerConfig(p.name())));
            } catch (ProfilerException e) {
                String why = String.valueOf(e.getMessage()).contains("ClassNotFoundException")
                        ? "no such JMH profiler" : firstLine(e.getMessage());
                throw new UsageException("-prof " + p + ": " + why + " ('oktyv-bench jmh -lprof' lists them)", e);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown profiler";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
