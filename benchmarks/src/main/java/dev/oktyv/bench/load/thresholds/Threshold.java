package dev.oktyv.bench.load.thresholds;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A k6-style pass/fail criterion, e.g. {@code p95<200ms}, {@code error_rate<1%}, {@code dropped==0},
 * {@code rate>=500}. Latency limits need a unit (ns, us, ms, s) and are held in microseconds; error rates are a
 * percentage or a fraction, and so is {@code dropped_rate} (the share of intended starts dropped, e.g.
 * {@code dropped_rate<1%}); {@code dropped} an integer; {@code rate} operations per second (an optional
 * {@code /s}).
 */
public record Threshold(String expression, Metric metric, Comparison comparison, double limit) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([A-Za-z_]+|p\\d+(?:\\.\\d+)?)\\s*(<=|>=|==|<|>)\\s*(\\S(?:.*\\S)?)\\s*");
    private static final Pattern LATENCY = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    public Threshold {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
    }

    /** @throws IllegalArgumentException with a message that quotes the expression and says what is wrong */
    public static Threshold parse(String expression) {
        Matcher m = SYNTAX.matcher(expression == null ? "" : expression);
        if (!m.matches()) {
            throw bad(expression, "expected METRIC OP VALUE, e.g. p95<200ms, error_rate<1%, dropped==0");
        }
        Metric metric = metric(expression, m.group(1));
        Comparison op = comparison(m.group(2));
        String value = m.group(3);
        double limit = switch (metric.unit()) {
            case MICROS -> latencyMicros(expression, value);
            case FRACTION -> fraction(expression, metric.name().replace('_', ' '), value);
            case COUNT -> count(expression, value);
            case PER_SECOND -> perSecond(expression, value);
        };
        return new Threshold(expression.trim(), metric, op, limit);
    }

    public boolean test(double observed) {
        return comparison.test(observed, limit);
    }

    /**
     * An observation (in the unit {@link #limit} is held in) written the way the expression writes its limit, so the
     * two read side by side: {@code p99<50ms} → {@code 6.08ms}, {@code error_rate<1%} → {@code 100%},
     * {@code rate>=500} → {@code 480/s}; {@code n/a} when the metric could not be observed.
     */
    public String format(double observed) {
        if (Double.isNaN(observed)) {
            return "n/a";
        }
        return switch (metric.unit()) {
            case MICROS -> {
                Matcher m = SYNTAX.matcher(expression);
                Matcher v = m.matches() ? LATENCY.matcher(m.group(3)) : null;
                String unit = v != null && v.matches() ? v.group(2) : "us";
                double divisor = switch (unit) {
                    case "ns" -> 1e-3;
                    case "ms" -> 1e3;
                    case "s" -> 1e6;
                    default -> 1;
                };
                yield decimal(observed / divisor) + unit;
            }
            case FRACTION -> decimal(observed * 100) + "%";
            case COUNT -> decimal(observed);
            case PER_SECOND -> decimal(observed) + "/s";
        };
    }

    /** Three significant digits, whole numbers from 1000 up, no exponent and no trailing zeros. */
    static String decimal(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        BigDecimal d = new BigDecimal(v);
        d = Math.abs(v) >= 1000 ? d.setScale(0, java.math.RoundingMode.HALF_UP)
                : d.round(new java.math.MathContext(3, java.math.RoundingMode.HALF_UP));
        return d.stripTrailingZeros().toPlainString();
    }

    private static Metric metric(String expression, String name) {
        if (name.startsWith("p") && name.length() > 1 && Character.isDigit(name.charAt(1))) {
            double p = Double.parseDouble(name.substring(1));
            if (!(p > 0 && p <= 100)) {
                throw bad(expression, "percentile " + name.substring(1) + " is not in (0, 100]");
            }
            return new Metric.Percentile(p, name);
        }
        return switch (name) {
            case "mean" -> new Metric.Mean();
            case "max" -> new Metric.Max();
            case "error_rate" -> new Metric.ErrorRate();
            case "dropped" -> new Metric.Dropped();
            case "dropped_rate" -> new Metric.DroppedRate();
            case "rate" -> new Metric.Rate();
            default -> throw bad(expression, "unknown metric '" + name
                    + "' (known: pNN, mean, max, error_rate, dropped_rate, dropped, rate)");
        };
    }

    private static Comparison comparison(String symbol) {
        for (Comparison c : Comparison.values()) {
            if (c.symbol().equals(symbol)) {
                return c;
            }
        }
        throw new AssertionError(symbol);
    }

    private static double latencyMicros(String expression, String value) {
        Matcher m = LATENCY.matcher(value);
        if (!m.matches()) {
            throw bad(expression, "latency limit '" + value + "' needs a unit: ns, us, ms or s (e.g. 200ms)");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        BigDecimal micros = switch (m.group(2)) {
            case "ns" -> v.movePointLeft(3);
            case "us", "µs" -> v;
            case "ms" -> v.movePointRight(3);
            case "s" -> v.movePointRight(6);
            default -> throw new AssertionError(m.group(2));
        };
        return micros.doubleValue();
    }

    private static double fraction(String expression, String what, String value) {
        boolean percent = value.endsWith("%");
        String digits = percent ? value.substring(0, value.length() - 1).trim() : value;
        if (!NUMBER.matcher(digits).matches()) {
            throw bad(expression, what + " '" + value + "' is not a percentage (1%) or a fraction (0.01)");
        }
        double v = Double.parseDouble(digits) / (percent ? 100 : 1);
        if (v > 1) {
            throw bad(expression, what + " '" + value + "' is more than 100%");
        }
        return v;
    }

    private static double count(String expression, String value) {
        if (!value.matches("\\d+")) {
            throw bad(expression, "'" + value + "' is not a whole number of dropped starts");
        }
        return Double.parseDouble(value);
    }

    private static double perSecond(String expression, String value) {
        String digits = value.endsWith("/s") ? value.substring(0, value.length() - 2).trim() : value;
        if (!NUMBER.matcher(digits).matches()) {
            throw bad(expression, "rate '" + value + "' is not operations per second (e.g. 500 or 500/s)");
        }
        return Double.parseDouble(digits);
    }

    private static IllegalArgumentException bad(String expression, String why) {
        return new IllegalArgumentException("malformed threshold '" + expression + "': " + why);
    }
}
