package dev.oktyv.analysis.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Text and Markdown forms of rule results (the HTML form is part of the report). */
public final class RuleResultWriter {

    static final String NOT_APPLICABLE = "N/A";

    private RuleResultWriter() {
    }

    public static String text(List<RuleResult> results, Path runDir) {
        StringBuilder sb = new StringBuilder();
        for (RuleResult r : results) {
            sb.append(String.format(Locale.ROOT, "[%-8s] %s: %s%n", tag(r), r.title(), r.summary()));
            if (!r.applicable()) {
                continue;
            }
            r.impactBound().ifPresent(i -> sb.append("           impact: ").append(i).append('\n'));
            for (Evidence e : r.evidence()) {
                sb.append(String.format(Locale.ROOT, "           - %s: %s = %s %s (%s)%n", e.subject(), e.quantity(),
                        number(e.value()), e.unit(), relative(runDir, e.source())));
            }
            if (r.severity().compareTo(Severity.WARNING) >= 0) {
                sb.append("           why: ").append(r.explanation()).append('\n');
                sb.append("           fix: ").append(r.fix()).append('\n');
            }
        }
        return sb.toString();
    }

    public static String markdown(List<RuleResult> results, Path runDir) {
        StringBuilder sb = new StringBuilder("| severity | rule | finding | impact bound |\n|---|---|---|---|\n");
        for (RuleResult r : results) {
            sb.append("| ").append(r.applicable() ? r.severity().wireName() : NOT_APPLICABLE.toLowerCase(Locale.ROOT)).append(" | ").append(md(r.title())).append(" | ")
                    .append(md(r.summary())).append(" | ").append(md(r.impactBound().orElse(""))).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * The severity, or N/A for a rule that had nothing to look at: "OK" would claim a check that never happened
     * (a failed run with an empty jmh.json used to print eleven OKs).
     */
    static String tag(RuleResult r) {
        return r.applicable() ? r.severity().name() : NOT_APPLICABLE;
    }

    public static String relative(Path runDir, Path p) {
        try {
            return runDir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
