package dev.oktyv.bench.security;

import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.security.SecurityFinding;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.SecurityScore;
import dev.oktyv.results.security.Severity;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The console summary in the seed's shape (score, total, passed, failed, failures by severity), then each failure
 * with its evidence and fix, then what did not run and why. Nothing is printed that the reader cannot act on.
 */
final class SecurityConsole {

    private SecurityConsole() {
    }

    /** One line per probe as it finishes, so a long run shows progress. */
    static void progress(PrintStream out, SecurityFinding f) {
        out.printf(Locale.ROOT, "  %-14s %-40s %6d ms%n", f.verdict().wireName(), f.probeId(), f.elapsed().toMillis());
    }

    static void report(PrintStream out, SecurityReport report) {
        SecurityScore s = report.score();
        out.println();
        out.println("SECURITY AUDIT REPORT");
        out.println();
        String score = Double.isNaN(s.score()) ? "n/a (no probe ran)"
                : String.format(Locale.ROOT, "%.1f/100", s.score());
        out.printf(Locale.ROOT, "Security Score:     %s  %s%n", score, s.ready() ? "READY" : "NOT READY");
        out.printf(Locale.ROOT, "Total Checks:       %d%n", s.total());
        out.printf(Locale.ROOT, "Passed:             %d%n", s.passed());
        out.printf(Locale.ROOT, "Failed:             %d%n", s.failed());
        if (s.notApplicable() > 0) {
            out.printf(Locale.ROOT, "Not applicable:     %d%n", s.notApplicable());
        }
        if (s.notRun() > 0) {
            out.printf(Locale.ROOT, "Not run:            %d%n", s.notRun());
        }
        out.println();
        out.println("Vulnerabilities (failed checks by severity):");
        for (Severity sev : Severity.values()) {
            out.printf(Locale.ROOT, "   %-16s %d%n", sev.name() + ":", s.failedBySeverity().get(sev));
        }
        if (!s.ready()) {
            out.println();
            out.println("Not ready because " + whyNotReady(s) + ".");
        }
        if (s.failed() > 0) {
            out.println();
            out.println("Failures:");
            for (SecurityFinding f : report.findings()) {
                if (f.verdict() == ProbeVerdict.FAIL) {
                    out.printf(Locale.ROOT, "  [%s] %s: %s%n", f.severity().name(), f.probeId(), f.title());
                    out.println("     did: " + f.action());
                    f.evidence().forEach(e -> out.println("     - " + e));
                    out.println("     fix: " + f.fix());
                }
            }
        }
        printReasons(out, report, ProbeVerdict.NOT_RUN, "Not run (fix the set-up, then run again):");
        printReasons(out, report, ProbeVerdict.NOT_APPLICABLE, "Not applicable:");
        for (String note : report.notes()) {
            out.println("note: " + note);
        }
    }

    private static String whyNotReady(SecurityScore s) {
        if (s.runWeight() == 0) {
            return "no probe ran";
        }
        if (s.failedBySeverity().get(Severity.CRITICAL) > 0) {
            return "a CRITICAL check failed";
        }
        return String.format(Locale.ROOT, "the score is below %.0f", SecurityScore.READY_SCORE);
    }

    private static void printReasons(PrintStream out, SecurityReport report, ProbeVerdict verdict, String heading) {
        boolean first = true;
        for (SecurityFinding f : report.findings()) {
            if (f.verdict() == verdict) {
                if (first) {
                    out.println();
                    out.println(heading);
                    first = false;
                }
                out.println("  " + f.probeId() + ": " + f.reason().orElse(""));
            }
        }
    }
}
