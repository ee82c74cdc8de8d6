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

    /** About five round tick values (powers of ten on a log scale). */
    public double[] ticks() {
        if (log) {
            java.util.List<Double> t = new java.util.ArrayList<>();
            for (double p = Math.pow(10, Math.floor(Math.log10(min))); p <= max; p *= 10) {
                if (p >= min) {
                    t.add(p);
                }
            }
            return t.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double raw = (max - min) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
        java.util.List<Double> t = new java.util.ArrayList<>();
        for (double v = Math.ceil(min / step) * step; v <= max; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
