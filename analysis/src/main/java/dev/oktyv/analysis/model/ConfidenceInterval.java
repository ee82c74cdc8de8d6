package dev.oktyv.analysis.model;

/** A two-sided interval; both ends are NaN when it is unknown (one fork, one iteration). */
public record ConfidenceInterval(double lower, double upper) {

    public static final ConfidenceInterval UNKNOWN = new ConfidenceInterval(Double.NaN, Double.NaN);

    public ConfidenceInterval {
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " is above upper " + upper);
        }
    }

    public boolean known() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    public boolean contains(double v) {
        return known() && v >= lower && v <= upper;
    }
}
