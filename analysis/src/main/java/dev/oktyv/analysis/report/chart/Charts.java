package dev.oktyv.analysis.report.chart;

import java.util.List;

/**
 * Inline SVG charts for the offline report: no JavaScript, no network, readable in any browser and in a
 * code-review attachment. Drawn by hand on purpose: three chart shapes do not justify a charting dependency.
 */
public final class Charts {

    private static final int W = 720;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 24;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private Charts() {
    }

    /** A labelled bar with an error bar (score ± error). Error NaN draws no bar. */
    public record Bar(String label, double value, double error) {
    }

    /** Horizontal bars with error bars, one per benchmark; values share one axis, so use one unit per chart. */
    public static String bars(String title, String unit, List<Bar> bars) {
        int rowH = 22;
        int labelW = 300;
        int h = TOP + 30 + rowH * bars.size();
        double hi = bars.stream().mapToDouble(b -> b.value() + (Double.isFinite(b.error()) ? b.error() : 0)).filter(Double::isFinite).max().orElse(1);
        Scale x = Scale.fit(0, hi, false, labelW, W - RIGHT);
        Svg s = new Svg(W, h, title);
        s.text(W / 2.0, 14, "middle", title + " (" + unit + ")");
        axisX(s, x, TOP + rowH * bars.size() + 4);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * rowH;
            s.text(labelW - 6, y + 14, "end", b.label());
            if (!Double.isFinite(b.value())) {
                s.text(labelW + 4, y + 14, "start", "n/a");
                continue;
            }
            s.rect(x.px(x.min()), y + 4, x.px(b.value()) - x.px(x.min()), rowH - 8, COLOURS[0],
                    b.label() + ": " + Svg.num(b.value()) + (Double.isFinite(b.error()) ? " ± " + Svg.num(b.error()) : "") + " " + unit);
            if (Double.isFinite(b.error()) && b.error() > 0) {
                double lo = x.px(Math.max(x.min(), b.value() - b.error()));
                double hiPx = x.px(b.value() + b.error());
                double cy = y + rowH / 2.0;
                s.line(lo, cy, hiPx, cy, "#000", 1).line(lo, cy - 5, lo, cy + 5, "#000", 1).line(hiPx, cy - 5, hiPx, cy + 5, "#000", 1);
            }
        }
        return s.end();
    }

    /** One named series of (x, y) points. */
    public record Series(String name, double[] x, double[] y) {
    }

    /**
     * Latency by percentile on a log "nines" axis: x = 1/(1 − p), so 90%, 99%, 99.9% are evenly spaced and the tail
     * is visible. y (latency) is logarithmic too.
     */
    public static String percentiles(String title, String yUnit, List<Series> series) {
        int h = 300;
        double maxX = series.stream().flatMapToDouble(se -> java.util.Arrays.stream(se.x())).max().orElse(100);
        Scale x = new Scale(1, Math.max(10, 1 / (1 - Math.min(maxX, 99.9999) / 100)), true, LEFT, W - RIGHT);
        double lo = series.stream().flatMapToDouble(se -> java.util.Arrays.stream(se.y())).filter(v -> v > 0).min().orElse(1);
        double hi = series.stream().flatMapToDouble(se -> java.util.Arrays.stream(se.y())).filter(Double::isFinite).max().orElse(10);
        Scale y = Scale.fit(lo, hi, true, h - 40, TOP);
        Svg s = new Svg(W, h, title);
        s.text(W / 2.0, 14, "middle", title);
        for (double nines : new double[] {0, 90, 99, 99.9, 99.99, 99.999}) {
            double xv = 1 / (1 - nines / 100);
            if (xv <= x.max()) {
                s.line(x.px(xv), TOP, x.px(xv), h - 40, "#ddd", 1).text(x.px(xv), h - 26, "middle",
                        java.math.BigDecimal.valueOf(nines).stripTrailingZeros().toPlainString() + "%");
            }
        }
        s.text(W / 2.0, h - 8, "middle", "percentile");
        axisY(s, y, yUnit, h - 40);
        for (int i = 0; i < series.size(); i++) {
            Series se = series.get(i);
            double[] px = new double[se.x().length];
            double[] py = new double[se.y().length];
            for (int k = 0; k < px.length; k++) {
                px[k] = x.px(1 / (1 - Math.min(se.x()[k], 99.9999) / 100));
                py[k] = se.y()[k] > 0 ? y.px(se.y()[k]) : Double.NaN;
            }
            s.polyline(px, py, COLOURS[i % COLOURS.length]);
            legend(s, i, se.name());
        }
        return s.end();
    }

    /** Values over time (seconds from the start), linear axes; optional vertical markers (change points). */
    public static String timeSeries(String title, String xUnit, String yUnit, List<Series> series, double[] markers, boolean logY) {
        int h = 260;
        double minX = series.stream().flatMapToDouble(se -> java.util.Arrays.stream(se.x())).min().orElse(0);
        double maxX = series.stream().flatMapToDouble(se -> java.util.Arrays.stream(se.x())).max().orElse(1);
        Scale x = Scale.fit(minX, maxX, false, LEFT, W - RIGHT);
        double lo = series.stream().flatMapToDouble(se -> java.util.Arrays.stream(se.y())).filter(v -> Double.isFinite(v) && (!logY || v > 0)).min().orElse(1);
        double hi = series.stream().flatMapToDouble(se -> java.util.Arrays.stream(se.y())).filter(Double::isFinite).max().orElse(10);
        Scale y = Scale.fit(lo, hi, logY, h - 40, TOP);
        Svg s = new Svg(W, h, title);
        s.text(W / 2.0, 14, "middle", title);
        axisX(s, x, h - 40);
        s.text(W / 2.0, h - 8, "middle", xUnit);
        axisY(s, y, yUnit, h - 40);
        for (double m : markers) {
            s.dashed(x.px(m), TOP, x.px(m), h - 40, "#d62728");
        }
        for (int i = 0; i < series.size(); i++) {
            Series se = series.get(i);
            double[] px = new double[se.x().length];
            double[] py = new double[se.y().length];
            for (int k = 0; k < px.length; k++) {
                px[k] = x.px(se.x()[k]);
                py[k] = Double.isFinite(se.y()[k]) && (!logY || se.y()[k] > 0) ? y.px(se.y()[k]) : Double.NaN;
            }
            String c = COLOURS[i % COLOURS.length];
            s.polyline(px, py, c);
            for (int k = 0; k < px.length; k++) {
                if (Double.isFinite(py[k])) {
                    s.circle(px[k], py[k], 2.5, c, se.name() + ": " + Svg.num(se.y()[k]) + " " + yUnit);
                }
            }
            legend(s, i, se.name());
        }
        return s.end();
    }

    private static void legend(Svg s, int i, String name) {
        s.rect(LEFT + 10 + i * 160, TOP + 2, 10, 10, COLOURS[i % COLOURS.length], name);
        s.text(LEFT + 24 + i * 160, TOP + 11, "start", name);
    }

    private static void axisX(Svg s, Scale x, double y) {
        s.line(x.pixelFrom(), y, x.pixelTo(), y, "#444", 1);
        for (double t : x.ticks()) {
            s.line(x.px(t), y, x.px(t), y + 4, "#444", 1).text(x.px(t), y + 15, "middle", Svg.num(t));
        }
    }

    private static void axisY(Svg s, Scale y, String unit, double bottom) {
        s.line(LEFT, y.pixelTo(), LEFT, bottom, "#444", 1);
        for (double t : y.ticks()) {
            s.line(LEFT - 4, y.px(t), LEFT, y.px(t), "#444", 1).text(LEFT - 6, y.px(t) + 4, "end", Svg.num(t));
        }
        s.rotatedText(14, (y.pixelTo() + bottom) / 2, unit);
    }
}
