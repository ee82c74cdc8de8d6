package dev.oktyv.analysis.compare;

import java.util.Locale;

/** Locale-independent number formatting shared by the writers (a German locale must not print 1,5%). */
public final class Fmt {

    private Fmt() {
    }

    /** Four significant digits, plain notation for ordinary magnitudes; "n/a" for NaN. */
    public static String score(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = a == 0 ? 0 : Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A plain number without trailing zeros: 8 → "8", 0.5 → "0.5". */
    public static String plain(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : score(v);
    }

    /** A fraction as signed percent with one decimal: 0.123 → "+12.3%". */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    public static String interval(double lower, double upper) {
        return Double.isNaN(lower) ? "" : "[" + percent(lower) + ", " + percent(upper) + "]";
    }

    public static String scoreWithError(double score, double error) {
        return Double.isNaN(error) ? score(score) : score(score) + " ± " + score(error);
    }

    /** The verdict with what the comparison could have seen: {@code inconclusive (MDE 23%; ~18 forks per side to see 5%)}. */
    public static String verdict(MetricComparison r, double threshold) {
        return r.verdict().wireName() + " (" + r.detectable().describe(threshold) + ")";
    }

    /** The observed change, marked when it is a plain ratio of scores that no test stands behind. */
    public static String observedChange(MetricComparison r) {
        String s = percent(r.observedChange());
        return r.change().estimable() || Double.isNaN(r.observedChange()) ? s : s + " (untested)";
    }

    /** HTML escaping for text and attribute values. */
    public static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Markdown table cell: pipes escaped, no line breaks. */
    public static String md(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
