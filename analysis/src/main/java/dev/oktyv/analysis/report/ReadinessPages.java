package dev.oktyv.analysis.report;

import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.load.LoadSummaryJson;
import dev.oktyv.results.readiness.ReadinessJson;
import dev.oktyv.results.readiness.ReadinessReport;
import dev.oktyv.results.recovery.RecoveryReport;
import dev.oktyv.results.recovery.RecoveryReportJson;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.SecurityReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code report.html} and {@code report.md} of a readiness run: the five phases on top (verdict, failing criteria
 * first, each phase's band and figures), then the detail each phase left in the run folder. {@code readiness}
 * writes them at the end; {@code report RUN} rewrites them from {@code production-hardening-results.json}.
 */
public final class ReadinessPages {

    /**
     * Everything the two pages show.
     *
     * @param loads    each load scenario's summary, in name order
     * @param security {@code security.json}, when the security phase ran
     * @param recovery {@code recovery.json}, when the recovery phase ran
     */
    public record Input(RunFolder folder, ReadinessReport report, List<LoadSummary> loads,
                        Optional<SecurityReport> security, Optional<RecoveryReport> recovery) {
        public Input {
            loads = List.copyOf(loads);
        }
    }

    private ReadinessPages() {
    }

    /** Whether a run folder holds a readiness verdict (then {@code report} writes these pages). */
    public static boolean isReadinessRun(RunFolder folder) {
        return Files.isRegularFile(folder.readinessJson());
    }

    /** Rewrites both pages from the verdict file and the phases' files. */
    public static void write(RunFolder folder) throws IOException {
        write(folder, ReadinessJson.read(folder));
    }

    public static void write(RunFolder folder, ReadinessReport report) throws IOException {
        Input in = collect(folder, report);
        AtomicFiles.writeString(folder.reportHtml(), ReadinessHtml.write(in));
        AtomicFiles.writeString(folder.reportMarkdown(), ReadinessMarkdown.write(in));
    }

    static Input collect(RunFolder folder, ReadinessReport report) throws IOException {
        List<LoadSummary> loads = new ArrayList<>();
        for (LoadFolder l : folder.loads()) {
            if (Files.isRegularFile(l.summary())) {
                loads.add(LoadSummaryJson.read(Files.readString(l.summary(), StandardCharsets.UTF_8)));
            }
        }
        Optional<SecurityReport> security = Files.isRegularFile(folder.securityJson())
                ? Optional.of(SecurityReportJson.read(Files.readString(folder.securityJson(), StandardCharsets.UTF_8)))
                : Optional.empty();
        Optional<RecoveryReport> recovery = Files.isRegularFile(folder.recoveryJson())
                ? Optional.of(RecoveryReportJson.read(folder)) : Optional.empty();
        return new Input(folder, report, loads, security, recovery);
    }
}
