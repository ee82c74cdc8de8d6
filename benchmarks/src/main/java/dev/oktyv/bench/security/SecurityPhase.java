package dev.oktyv.bench.security;

import dev.oktyv.bench.filestore.S3Settings;
import dev.oktyv.probes.remote.TargetUrl;
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
import dev.oktyv.system.secret.Secret;
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
 * The security phase, as {@link SecurityCommand} and {@code readiness} both run it: the selected probes against
 * the in-process engines (or a user's service), {@code security.json} and {@code security.sarif} into a run
 * folder the caller owns, and the audit on the console. One place, so the two commands cannot drift apart.
 */
public final class SecurityPhase {

    /** How long one probe may run; the slow-clients probe alone needs about 20 s. */
    static final Duration PROBE_DEADLINE = Duration.ofMinutes(2);

    /** What to run: validated by the caller before any run folder exists. */
    record Plan(Set<SecurityCategory> categories, List<SecurityProbe> probes,
                Optional<SecurityTargets.External> external, AdvisorySource advisories,
                Map<String, String> environment, Clock clock, Optional<S3Settings> s3) {
    }

    private SecurityPhase() {
    }

    /**
     * The readiness phase: {@code catalog} (built-in and user probes, in catalog order), all categories, the embedded
     * engines; with the file store on S3 ({@code readiness --files s3://…}) the {@code file.s3-*} probes run too.
     */
    public static SecurityReport run(RunFolder folder, PrintStream console, Map<String, String> environment,
                                     Clock clock, List<SecurityProbe> catalog, Optional<S3Settings> s3)
            throws IOException {
        Set<SecurityCategory> all = EnumSet.allOf(SecurityCategory.class);
        List<SecurityProbe> probes = ProbeCatalog.select(catalog, all);
        return execute(new Plan(all, probes, Optional.empty(), AdvisorySource.bundled(), environment, clock, s3),
                folder, console);
    }

    /**
     * The readiness phase against a user's service ({@code readiness --target-url}): as {@code security
     * --target-url}, the service probes address it and the others the in-process engines. The service probes write
     * raw HTTP/1.1, so against an {@code https} URL they are left out, and the console says why.
     *
     * @param token wiped when the phase ends
     */
    public static SecurityReport run(RunFolder folder, PrintStream console, Map<String, String> environment,
                                     Clock clock, List<SecurityProbe> catalog, TargetUrl target, Secret token,
                                     Optional<S3Settings> s3) throws IOException {
        Set<SecurityCategory> categories = EnumSet.allOf(SecurityCategory.class);
        Optional<SecurityTargets.External> external;
        if (target.https()) {
            categories.remove(SecurityCategory.SERVICE);
            external = Optional.empty();
            token.destroy();
            console.println("service probes: not applicable, because they send raw HTTP/1.1 to see what a client can"
                    + " do and --target-url " + target + " is https (give the service's http:// address behind its"
                    + " TLS proxy to run them)");
        } else {
            external = Optional.of(new SecurityTargets.External(target.base(), token));
        }
        return execute(new Plan(categories, ProbeCatalog.select(catalog, categories), external,
                AdvisorySource.bundled(), environment, clock, s3), folder, console);
    }

    static SecurityReport execute(Plan plan, RunFolder folder, PrintStream console) throws IOException {
        List<String> notes = new ArrayList<>();
        if (plan.categories().contains(SecurityCategory.GENERAL)) {
            String freshness = plan.advisories().freshness(plan.advisories().load(), plan.clock());
            notes.add(freshness);
            console.println(freshness);
        }
        console.println("security: " + plan.probes().size() + " probes in " + plan.categories().stream()
                .map(SecurityCategory::wireName).toList());
        Path scratch = Files.createTempDirectory("oktyv-security-");
        try {
            Instant started = plan.clock().instant();
            long t0 = System.nanoTime();
            List<SecurityFinding> findings;
            try (SecurityTargets targets = SecurityTargets.build(plan.categories(), plan.external(),
                    plan.advisories(), plan.environment(), scratch, plan.clock(), plan.s3())) {
                findings = new SecurityRunner(PROBE_DEADLINE, NanoClock.SYSTEM).run(plan.probes(), targets.target(),
                        f -> SecurityConsole.progress(console, f));
            }
            SecurityReport report = new SecurityReport(started, Duration.ofNanos(System.nanoTime() - t0),
                    List.copyOf(plan.categories()), notes, findings);
            AtomicFiles.writeString(folder.securityJson(), SecurityReportJson.write(report));
            AtomicFiles.writeString(folder.securitySarif(), SecuritySarif.write(report, SuiteVersion.get()));
            SecurityConsole.report(console, report);
            return report;
        } finally {
            DirectoryTree.delete(scratch);
        }
    }
}
