package dev.oktyv.bench.readiness;

import dev.oktyv.probes.recovery.DefaultTargets;
import dev.oktyv.probes.recovery.RecoveryConsole;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryRunner;
import dev.oktyv.probes.recovery.crash.CrashSafetyProbe;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.recovery.RecoveryReport;
import dev.oktyv.results.recovery.RecoveryReportJson;
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

/** Phase 5: every recovery probe on the class path against the embedded engines; {@code recovery.json}. */
final class RecoveryPhase {

    /** Under {@code --quick}: enough SIGKILLs to catch a torn write most of the time, at a fraction of the 20. */
    static final int QUICK_KILLS = 3;
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(60);

    private RecoveryPhase() {
    }

    /** @param all the probes to run, built-in and the user's ({@code PluginSet}) */
    static RecoveryReport run(RunFolder folder, PrintStream console, boolean quick, Clock clock,
                              List<RecoveryProbe> all) throws IOException {
        List<RecoveryProbe> probes = RecoveryRunner.select(all, Optional.empty()).stream()
                .map(p -> quick && p instanceof CrashSafetyProbe ? new CrashSafetyProbe(QUICK_KILLS) : p)
                .toList();
        Path scratch = Files.createTempDirectory("oktyv-recovery");
        try {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(console, StandardCharsets.UTF_8), true);
            RecoveryConsole view = new RecoveryConsole(out);
            RecoveryReport report = new RecoveryRunner(PROBE_DEADLINE, clock)
                    .run(probes, DefaultTargets.real(scratch).build(), view);
            view.summary(report);
            out.flush();
            RecoveryReportJson.write(folder, report);
            return report;
        } finally {
            DirectoryTree.delete(scratch);
        }
    }
}
