package dev.oktyv.bench.profile;

import dev.oktyv.bench.duration.Durations;
import dev.oktyv.bench.duration.DurationConverter;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.profiles.attach.AttachProfiler;
import dev.oktyv.profiles.flame.CollapsedConverter;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.flame.FlameGraphConverter;
import dev.oktyv.profiles.flame.JfrStackReader;
import dev.oktyv.profiles.flame.StackProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profile --pid PID --duration 30s --event cpu [-o out.html]}: attach async-profiler to a running JVM,
 * record, and write a flame graph plus the raw recording ({@code out.jfr}) and collapsed stacks next to it.
 */
@Command(name = "profile",
        description = {"Attach async-profiler to a running JVM for a while and write a flame graph",
                "(plus the raw .jfr and .collapsed next to it)."},
        sortOptions = false)
public final class ProfileCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--pid", required = true, paramLabel = "PID", description = "Process id of the JVM to profile.")
    long pid;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long to record: 30s, 2m, 1500ms (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--event", defaultValue = "cpu", paramLabel = "cpu|alloc|lock|wall",
            description = "What to sample (default: ${DEFAULT-VALUE}).")
    String event;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.html",
            description = "Flame graph to write (default: profile-<pid>-<event>.html in the current directory).")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventKind kind;
        try {
            kind = EventKind.parse(event);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Duration d = duration;
        Path html = output != null ? output : Path.of("profile-" + pid + "-" + kind.id() + ".html");
        if (!html.getFileName().toString().endsWith(".html")) {
            throw new UsageException("-o " + html + ": the flame graph must be an .html file");
        }
        String stem = html.toString().substring(0, html.toString().length() - ".html".length());
        Path jfr = Path.of(stem + ".jfr");
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new UsageException("no process with pid " + pid);
        }
        if (!JavaProcess.isJava(pid).orElse(true)) {
            throw new UsageException("process " + pid + " is not a Java process"
                    + ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(c -> " (" + c + ")").orElse("")
                    + ": profile attaches to JVMs only");
        }
        out.println("profiling pid " + pid + " (" + kind.id() + ") for " + Durations.format(duration) + " ...");
        out.flush();
        AttachProfiler.Result r;
        try {
            r = AttachProfiler.record(pid, kind, d, jfr);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        r.warnings().forEach(w -> err.println("warning: " + w));
        StackProfile p = JfrStackReader.read(jfr, kind, false, w -> err.println("warning: " + w));
        if (p.isEmpty()) {
            throw new UsageException("recorded no " + kind.id() + " samples in pid " + pid + " over " + Durations.format(duration)
                    + " (raw recording kept: " + jfr + "): no flame graph written");
        }
        new FlameGraphConverter(kind.id() + " profile of pid " + pid + " (" + Durations.format(duration)
                + (r.engine() != null ? ", engine " + r.engine().id() : "") + ")").writeTo(p, html);
        new CollapsedConverter().writeTo(p, Path.of(stem + ".collapsed"));
        out.println("wrote " + html + " (" + p.totalWeight() + " " + kind.unit()
                + (r.engine() != null ? ", cpu engine " + r.engine().id() : "") + "), " + jfr + ", " + stem + ".collapsed");
        return ExitCodes.OK;
    }
}
