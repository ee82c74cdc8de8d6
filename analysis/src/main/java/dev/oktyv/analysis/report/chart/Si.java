package dev.oktyv.analysis.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers for people: SI prefixes above a thousand ({@code 1.2M}, {@code 850k}), plain decimals below, never
 * exponent notation ({@code 1e+06} told a reader nothing and rounded neighbouring ticks to the same label).
 */
public final class Si {

    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E"};
    private static final int MAX_DECIMALS = 9;

    private Si() {
    }

    /** A value with three significant digits: 11751 → "11.8k", 0.0412 → "0.0412". */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        int p = prefix(v);
        double scaled = v / Math.pow(1000, p);
        BigDecimal rounded = new BigDecimal(scaled).round(new java.math.MathContext(3, RoundingMode.HALF_EVEN));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 && p + 1 < PREFIXES.length) {
            return format(Math.signum(v) * Math.pow(1000, p + 1));
        }
        return plain(rounded) + PREFIXES[p];
    }

    /**
     * Labels for axis ticks: each label is exact for its (round) tick value, and the fewest decimals that keep
     * all labels distinct and exact are used, so neighbouring ticks never read the same.
     */
    public static String[] ticks(double[] values) {
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            String[] out = new String[values.length];
            boolean ok = true;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < values.length && ok; i++) {
                out[i] = withDecimals(values[i], d);
                ok = exact(values[i], d) && seen.add(out[i]);
            }
            if (ok) {
                return out;
            }
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = withDecimals(values[i], MAX_DECIMALS);
        }
        return out;
    }

    private static boolean exact(double v, int decimals) {
        if (v == 0) {
            return true;
        }
        double scaled = v / Math.pow(1000, prefix(v));
        double r = BigDecimal.valueOf(scaled).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
        return Math.abs(r - scaled) <= Math.abs(scaled) * 1e-9;
    }

    private static String withDecimals(double v, int decimals) {
        if (v == 0) {
            return "0";
        }
        int p = prefix(v);
        BigDecimal scaled = BigDecimal.valueOf(v / Math.pow(1000, p)).setScale(decimals, RoundingMode.HALF_EVEN);
        return plain(scaled) + PREFIXES[p];
    }

    private static int prefix(double v) {
        double a = Math.abs(v);
        int p = 0;
        while (a >= 1000 * (1 - 1e-12) && p + 1 < PREFIXES.length) {
            a /= 1000;
            p++;
        }
        return p;
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s.toLowerCase(Locale.ROOT);
    }
}
