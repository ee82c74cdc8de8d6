package dev.oktyv.bench.profile;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.profiles.flame.CollapsedConverter;
import dev.oktyv.profiles.flame.DiffFlameGraphConverter;
import dev.oktyv.profiles.flame.EmptyProfileException;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.flame.FlameGraphConverter;
import dev.oktyv.profiles.flame.ProfileConverter;
import dev.oktyv.profiles.flame.ProfileDiff;
import dev.oktyv.profiles.flame.ProfileInputException;
import dev.oktyv.profiles.flame.StackFilter;
import dev.oktyv.profiles.flame.StackProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flame FILE -o out.html} renders a JFR recording (any: JDK or async-profiler) or collapsed stacks as a
 * self-contained flame graph; {@code flame --diff BASE NEW -o diff.html} draws the differential graph.
 */
@Command(name = "flame",
        description = {"Render a flame graph (self-contained HTML, or collapsed stacks if -o ends in .collapsed)",
                "from a JFR recording or collapsed stacks; with --diff, a differential flame graph of BASE -> NEW.",
                "A profile folder (results/<run>/profiles/<workload>) stands for all its forks."},
        sortOptions = false)
public final class FlameCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "FILE", arity = "1..2",
            description = "FILE.jfr | FILE.collapsed | profile folder; with --diff: BASE NEW")
    List<Path> files;

    @Option(names = "--diff", description = "Differential flame graph: BASE NEW (colour = change in share of samples).")
    boolean diff;

    @Option(names = "--event", defaultValue = "cpu", paramLabel = "cpu|alloc|lock|wall",
            description = "Which samples to draw from a JFR file (default: ${DEFAULT-VALUE}).")
    String event;

    @Option(names = "--include", paramLabel = "REGEX", description = "Keep only stacks with a frame matching REGEX.")
    String include;

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Drop stacks with a frame matching REGEX.")
    String exclude;

    @Option(names = "--threads", description = "One tower per thread (thread name as the root frame; JFR input only).")
    boolean threads;

    @Option(names = "--reverse", description = "Reverse stacks: leaf frames at the root (who calls the hot methods).")
    boolean reverse;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output file: .html (flame graph) or .collapsed (collapsed stacks).")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventKind kind = usage(() -> EventKind.parse(event));
        StackFilter filter = usage(() -> StackFilter.of(include, exclude, reverse));
        if (diff && files.size() != 2) {
            throw new UsageException("--diff needs two inputs, BASE and NEW; got " + files.size());
        }
        if (!diff && files.size() != 1) {
            throw new UsageException("flame takes one input (use --diff BASE NEW to compare two), got " + files.size());
        }
        try {
            if (diff) {
                StackProfile base = ProfileInputs.read(files.get(0), kind, threads, err).filtered(filter);
                StackProfile next = ProfileInputs.read(files.get(1), kind, threads, err).filtered(filter);
                ProfileDiff d = ProfileDiff.of(base, next);
                String note = base.incomplete() || next.incomplete() ? "Incomplete input: " + base.note() + " " + next.note() : "";
                new DiffFlameGraphConverter(kind.id() + " diff: " + files.get(0).getFileName() + " -> "
                        + files.get(1).getFileName()).writeTo(d, note.trim(), output);
                out.println("wrote " + output + " (" + kind.id() + ": base " + d.baseTotal() + ", new " + d.newTotal()
                        + " " + kind.unit() + "; " + d.removed().size() + " call paths only in the base"
                        + String.format(java.util.Locale.ROOT, "; %.1f%% of new in frames the base lacks, %.1f%% of base"
                                + " in frames the new lacks, after normalising per-JVM names)",
                                d.newShare() * 100, d.removedShare() * 100));
                return ExitCodes.OK;
            }
            Path in = files.get(0);
            StackProfile p = ProfileInputs.read(in, kind, threads, err).filtered(filter);
            if (p.isEmpty()) {
                throw new UsageException(ProfileInputs.emptyMessage(in, kind, include != null || exclude != null));
            }
            converter(in, kind, reverse).writeTo(p, output);
            out.println("wrote " + output + " (" + p.totalWeight() + " " + kind.unit() + ", "
                    + p.stacks().size() + " distinct stacks" + (p.incomplete() ? ", INCOMPLETE input" : "") + ")");
            return ExitCodes.OK;
        } catch (EmptyProfileException e) {
            throw new UsageException(e.getMessage() + " (" + String.join(", ", files.stream().map(Path::toString).toList()) + ")");
        } catch (ProfileInputException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private ProfileConverter converter(Path in, EventKind kind, boolean reversed) {
        String name = output.getFileName().toString();
        if (name.endsWith(".collapsed") || name.endsWith(".txt")) {
            return new CollapsedConverter();
        }
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new UsageException("-o " + output + ": unknown output format (expected .html or .collapsed)");
        }
        return new FlameGraphConverter(kind.id() + " profile of " + in.getFileName() + (reversed ? " (reversed)" : ""));
    }

    private static <T> T usage(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
