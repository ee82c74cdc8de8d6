package dev.oktyv.bench.catalog;

import dev.oktyv.bench.cli.VerboseOption;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.annotations.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code list [REGEX...]}: the benchmarks in this build, their modes and their {@code @Param} values. */
@Command(name = "list", description = {
        "List the benchmarks in this build with their modes and @Param values.",
        "Output: one line per benchmark: NAME  [MODES]  PARAM=V1,V2 ..."})
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "REGEX", description = "Only benchmarks whose name contains a match (JMH's rule).")
    List<String> includes = new ArrayList<>();

    @Override
    public Integer call() {
        BenchmarkCatalog catalog = BenchmarkCatalog.fromClassPath(ListCommand.class.getClassLoader());
        List<BenchmarkInfo> selected = BenchmarkSelector.select(catalog, includes, List.of());
        PrintWriter out = spec.commandLine().getOut();
        int width = selected.stream().mapToInt(b -> b.name().length()).max().orElse(0);
        int combinations = 0;
        for (BenchmarkInfo b : selected) {
            out.println(line(b, width));
            combinations += b.paramCombinations();
        }
        out.println(selected.size() + " benchmark" + (selected.size() == 1 ? "" : "s") + ", " + combinations
                + " parameter combination" + (combinations == 1 ? "" : "s"));
        out.flush();
        return 0;
    }

    static String line(BenchmarkInfo b, int width) {
        StringBuilder sb = new StringBuilder(b.name());
        sb.append(" ".repeat(Math.max(0, width - b.name().length())));
        sb.append("  [");
        sb.append(String.join(",", b.modes().stream().sorted().map(Mode::shortLabel).toList()));
        sb.append(']');
        b.params().forEach((k, v) -> sb.append("  ").append(k).append('=').append(String.join(",", v)));
        return sb.toString();
    }
}
