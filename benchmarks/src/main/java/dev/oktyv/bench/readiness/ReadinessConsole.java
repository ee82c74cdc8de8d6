package dev.oktyv.bench.readiness;

import dev.oktyv.results.readiness.CriterionOutcome;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PhaseResult;
import dev.oktyv.results.readiness.PhaseStatus;
import dev.oktyv.results.readiness.ReadinessReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The seed's console: phase headings, one progress line per phase, the assessment block and the verdict. */
final class ReadinessConsole {

    private static final String RULE = "=".repeat(80);
    private static final String[] ICONS = {"📊", "🔒", "⚡", "📈", "🛡️ "};
    private static final String[] HEADINGS = {"LOAD TESTING", "SECURITY AUDIT", "PERFORMANCE OPTIMIZATION",
            "MONITORING & METRICS", "ERROR RECOVERY TESTING"};

    private final PrintStream out;

    ReadinessConsole(PrintStream out) {
        this.out = out;
    }

    void banner() {
        out.println("🚀 OKTYV PRODUCTION HARDENING TEST SUITE");
        out.println(RULE);
    }

    void phaseStarts(Phase p) {
        out.println();
        out.println(ICONS[p.ordinal()] + " PHASE " + (p.ordinal() + 1) + ": " + HEADINGS[p.ordinal()]);
    }

    /** The progress line: what the phase concluded and how long it took. */
    void phaseEnds(PhaseResult r, int done, int selected, Duration total, Duration estimatedLeft) {
        out.printf(Locale.ROOT, "[%d/%d] %s: %s%s in %s (%s so far%s)%n", done, selected, r.phase().wireName(),
                r.status().wireName(), r.band().map(b -> ", " + b.label()).orElse(""), seconds(r.elapsed()),
                seconds(total), done == selected ? "" : ", about " + Math.round(estimatedLeft.toNanos() / 1e9)
                        + " s left by a reference run");
        for (CriterionOutcome c : r.criteria()) {
            out.println("  " + (c.met() ? "✅ " : c.holds() ? "➖ " : "❌ ") + c.requirement() + ": " + c.measured());
        }
        r.notRunReason().ifPresent(reason -> out.println("  ⏭️  not run: " + reason));
    }

    void verdict(ReadinessReport report) {
        out.println();
        out.println(RULE);
        out.println("🎯 OVERALL PRODUCTION READINESS ASSESSMENT");
        out.println(RULE);
        out.println();
        for (PhaseResult p : report.phases()) {
            out.printf(Locale.ROOT, "%-21s%s%n", p.phase().title() + ":", status(report, p));
        }
        out.println();
        out.println(RULE);
        if (report.ready() && report.selected().size() == Phase.values().length) {
            out.println("🎉 PRODUCTION READY - ALL SYSTEMS GO!");
        } else if (report.ready()) {
            // "All systems" would claim phases nobody ran.
            out.println("✅ READY in the selected phases (" + report.selected().stream().sorted()
                    .map(Phase::wireName).toList() + "); the others were not assessed");
        } else {
            out.println("❌ NOT READY");
            for (PhaseResult p : report.blocking()) {
                if (p.status() == PhaseStatus.NOT_RUN) {
                    out.println("  " + p.phase().title() + ": not run (" + p.notRunReason().orElseThrow() + ")");
                }
                for (CriterionOutcome c : p.criteria()) {
                    if (!c.holds()) {
                        out.println("  " + p.phase().title() + ": " + c.requirement() + " failed, measured "
                                + c.measured());
                    }
                }
            }
        }
        out.println(RULE);
    }

    private static String status(ReadinessReport report, PhaseResult p) {
        return switch (p.status()) {
            case READY -> "✅ READY" + p.band().map(b -> " (" + b.label() + ")").orElse("");
            case NOT_READY -> "❌ NOT READY" + p.band().map(b -> " (" + b.label() + ")").orElse("");
            case NOT_RUN -> (report.selected().contains(p.phase()) ? "⚠️  NOT RUN: " : "⏭️  not run: ")
                    + p.notRunReason().orElseThrow();
        };
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }
}
