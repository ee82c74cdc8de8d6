package dev.oktyv.bench.recovery;

import dev.oktyv.bench.serve.EmbeddedService;
import dev.oktyv.probes.recovery.DefaultTargets;
import dev.oktyv.probes.recovery.RecoveryConsole;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryRunner;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.crash.CrashSafetyProbe;
import dev.oktyv.probes.recovery.service.RemoteService;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.recovery.RecoveryReport;
import dev.oktyv.results.recovery.RecoveryReportJson;
import dev.oktyv.system.service.ServiceOptions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The recovery phase, as {@link RecoveryCommand} and {@code readiness} both run it: the chosen probes against the
 * embedded engines (and a user's service when given), {@code recovery.json} into a run folder the caller owns.
 */
public final class RecoveryPhase {

    /** Longest any one probe may take; the crash probe with its default 20 kills is the slowest. */
    static final Duration PROBE_DEADLINE = Duration.ofSeconds(60);

    /** Under {@code readiness --quick}: enough SIGKILLs to catch a torn write most of the time, at a fraction of 20. */
    static final int QUICK_KILLS = 3;

    private RecoveryPhase() {
    }

    /**
     * The readiness phase against the embedded engines.
     *
     * @param all the probes to run, built-in and the user's ({@code PluginSet})
     */
    public static RecoveryReport run(RunFolder folder, PrintStream console, boolean quick, Clock clock,
                                     List<RecoveryProbe> all) throws IOException {
        return run(folder, console, quick, clock, all, Optional.empty());
    }

    /** As {@link #run(RunFolder, PrintStream, boolean, Clock, List)}, the service probes against {@code remote}. */
    public static RecoveryReport run(RunFolder folder, PrintStream console, boolean quick, Clock clock,
                                     List<RecoveryProbe> all, Optional<RemoteService> remote) throws IOException {
        List<RecoveryProbe> probes = RecoveryRunner.select(all, Optional.empty()).stream()
                .map(p -> quick && p instanceof CrashSafetyProbe ? new CrashSafetyProbe(QUICK_KILLS) : p)
                .toList();
        return execute(probes, remote, folder, console, clock);
    }

    public static RecoveryReport execute(List<RecoveryProbe> probes, Optional<RemoteService> remote, RunFolder folder,
                                         PrintStream console, Clock clock) throws IOException {
        Path scratch = Files.createTempDirectory("oktyv-recovery");
        // Without --target-url the service probes answer for the service this jar ships, started in process.
        try (EmbeddedService embedded = remote.isEmpty() ? EmbeddedService.start(ServiceOptions.defaults(), null)
                : null) {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(console, StandardCharsets.UTF_8), true);
            RecoveryTargets.Builder targets = DefaultTargets.real(scratch);
            targets.with(RemoteService.class, remote.orElseGet(() -> RemoteService.of(embedded.uri().toString(),
                    embedded.token())));
            RecoveryConsole view = new RecoveryConsole(out);
            RecoveryReport report = new RecoveryRunner(PROBE_DEADLINE, clock).run(probes, targets.build(), view);
            view.summary(report);
            RecoveryReportJson.write(folder, report);
            out.println("wrote " + folder.recoveryJson());
            out.flush();
            return report;
        } finally {
            DirectoryTree.delete(scratch);
        }
    }
}
