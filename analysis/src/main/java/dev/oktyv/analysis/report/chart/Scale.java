package dev.oktyv.analysis.report.chart;

/** Maps data values to pixels, linearly or logarithmically (log needs positive values). */
public record Scale(double min, double max, boolean log, double pixelFrom, double pixelTo) {

    public Scale {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("scale needs finite min < max, was " + min + ".." + max);
        }
        if (log && min <= 0) {
            throw new IllegalArgumentException("log scale needs min > 0, was " + min);
        }
    }

    /** A scale over the values with a little headroom; degenerate ranges are widened. */
    public static Scale fit(double lo, double hi, boolean log, double pixelFrom, double pixelTo) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = log ? 1 : 0;
            hi = log ? 10 : 1;
        }
        if (log) {
            lo = Math.max(lo, 1e-12);
            hi = Math.max(hi, lo * 1.0001);
            return new Scale(lo / 1.2, hi * 1.2, true, pixelFrom, pixelTo);
        }
        double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.1, 1);
        double min = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
        return new Scale(min, hi + pad, false, pixelFrom, pixelTo);
    }

    public double px(double v) {
        double t = log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
        return pixelFrom + t * (pixelTo - pixelFrom);
    }

    /**
     * About five round tick values. On a log scale: powers of ten, then 1-2-5 steps when the range spans fewer
     * than three decades, then linear steps when even those give fewer than three ticks (a p99 line that stays
     * within one decade would otherwise get a single tick).
     */
    public double[] ticks() {
        if (!log) {
            return linearTicks(min, max);
        }
        for (double[] mantissas : new double[][] {{1}, {1, 2, 5}}) {
            java.util.List<Double> t = new java.util.ArrayList<>();
            for (double p = Math.pow(10, Math.floor(Math.log10(min))); p <= max; p *= 10) {
                for (double m : mantissas) {
                    double v = p * m;
                    if (v >= min && v <= max) {
                        t.add(v);
                    }
                }
            }
            if (t.size() >= 3) {
                return t.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        return java.util.Arrays.stream(linearTicks(min, max)).filter(v -> v > 0).toArray();
    }

    private static double[] linearTicks(double min, double max) {
        double raw = (max - min) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
        java.util.List<Double> t = new java.util.ArrayList<>();
        for (long k = (long) Math.ceil(min / step); k * step <= max * (1 + 1e-12); k++) {
            // k * step, not a running sum: repeated addition drifts (0.30000000000000004) and breaks round labels
            t.add(roundBelow(k * step, mag));
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Rounds away binary noise below the tick step's magnitude. */
    private static double roundBelow(double v, double mag) {
        int scale = (int) Math.max(0, -Math.floor(Math.log10(mag)) + 1);
        return java.math.BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
