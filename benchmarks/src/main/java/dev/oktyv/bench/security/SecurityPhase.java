package dev.oktyv.bench.security;

import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.general.AdvisorySource;
import dev.oktyv.probes.security.run.ProbeCatalog;
import dev.oktyv.probes.security.run.SecurityRunner;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.SuiteVersion;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.SecurityFinding;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.SecurityReportJson;
import dev.oktyv.results.security.SecuritySarif;
import dev.oktyv.system.time.NanoClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The security phase as another command embeds it ({@code readiness}): every category against the in-process
 * engines and service, {@code security.json} and {@code security.sarif} into a run folder someone else owns.
 * It is here, beside {@link SecurityCommand}, because the targets it builds are this package's.
 */
public final class SecurityPhase {

    private SecurityPhase() {
    }

    /** Runs all probes on the class path and writes their files into {@code folder}. */
    public static SecurityReport run(RunFolder folder, PrintStream console, Map<String, String> environment,
                                     Clock clock) throws IOException {
        return run(folder, console, environment, clock, ProbeCatalog.discover(SecurityPhase.class.getClassLoader()));
    }

    /** Runs {@code catalog} (built-in and user probes, in catalog order) and writes their files into {@code folder}. */
    public static SecurityReport run(RunFolder folder, PrintStream console, Map<String, String> environment,
                                     Clock clock, List<SecurityProbe> catalog) throws IOException {
        Set<SecurityCategory> all = EnumSet.allOf(SecurityCategory.class);
        AdvisorySource source = AdvisorySource.bundled();
        List<SecurityProbe> probes = ProbeCatalog.select(catalog, all);
        List<String> notes = new ArrayList<>();
        String freshness = source.freshness(source.load(), clock);
        notes.add(freshness);
        console.println(freshness);
        Path scratch = Files.createTempDirectory("oktyv-security-");
        try {
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            List<SecurityFinding> findings;
            try (SecurityTargets targets = SecurityTargets.build(all, Optional.empty(), source, environment, scratch,
                    clock)) {
                findings = new SecurityRunner(SecurityCommand.PROBE_DEADLINE, NanoClock.SYSTEM).run(probes,
                        targets.target(), f -> SecurityConsole.progress(console, f));
            }
            SecurityReport report = new SecurityReport(started, Duration.ofNanos(System.nanoTime() - t0),
                    List.copyOf(all), notes, findings);
            AtomicFiles.writeString(folder.securityJson(), SecurityReportJson.write(report));
            AtomicFiles.writeString(folder.securitySarif(), SecuritySarif.write(report, SuiteVersion.get()));
            SecurityConsole.report(console, report);
            return report;
        } finally {
            DirectoryTree.delete(scratch);
        }
    }
}
