package dev.oktyv.analysis.report.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Inline SVG charts for the offline report: no JavaScript, no network, readable in any browser and in a
 * code-review attachment. Drawn by hand on purpose: three chart shapes do not justify a charting dependency.
 */
public final class Charts {

    static final int W = 720;
    static final int LEFT = 86;
    static final int RIGHT = 20;
    static final int TOP = 24;
    /** Scores spanning this ratio or more get a log axis: on a linear one most bars would be invisible. */
    static final double LOG_SPAN = 100;
    private static final double CHAR_PX = 6.2;
    private static final int LINE_H = 13;
    private static final int BAR_H = 12;

    private Charts() {
    }

    /** A labelled bar with an error bar (score ± error). Error NaN draws no bar. */
    public record Bar(String label, double value, double error) {
    }

    /**
     * Horizontal bars with error bars, one per benchmark; values share one axis, so use one unit per chart. Each
     * name is written in full above its bar (wrapped, never cut), and the axis is logarithmic when the scores span
     * {@link #LOG_SPAN}× or more.
     */
    public static String bars(String title, String unit, List<Bar> bars) {
        double plotFrom = 8;
        double plotTo = W - RIGHT;
        double axisFrom = 36; // room for half of the first tick's label ("0 ops/s")
        int perLine = (int) ((plotTo - plotFrom) / CHAR_PX);
        List<List<String>> labels = bars.stream().map(b -> wrap(b.label(), perLine)).toList();
        double hi = bars.stream().mapToDouble(b -> b.value() + (Double.isFinite(b.error()) ? b.error() : 0)).filter(Double::isFinite).max().orElse(1);
        boolean log = logAxis(bars);
        double lo = bars.stream().mapToDouble(Bar::value).filter(v -> Double.isFinite(v) && v > 0).min().orElse(1);
        Scale x = log ? Scale.fit(lo, hi, true, axisFrom, plotTo) : Scale.fit(0, hi, false, axisFrom, plotTo);
        int rows = labels.stream().mapToInt(l -> l.size() * LINE_H + BAR_H + 6).sum();
        int h = TOP + rows + 30;
        Svg s = new Svg(W, h, title);
        s.text(W / 2.0, 14, "middle", title + " (" + unit + (log ? ", log axis" : "") + ")");
        double y = TOP;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            String tip = b.label() + ": " + Si.format(b.value()) + (Double.isFinite(b.error()) ? " ± " + Si.format(b.error()) : "") + " " + unit;
            for (String line : labels.get(i)) {
                y += LINE_H;
                s.text(plotFrom, y - 2, "start", line, "bar-label", tip);
            }
            double top = y + 2;
            y += BAR_H + 6;
            if (!Double.isFinite(b.value()) || (log && b.value() <= 0)) {
                s.text(plotFrom + 4, top + BAR_H - 2, "start", "n/a");
                continue;
            }
            s.rect(x.px(x.min()), top, x.px(b.value()) - x.px(x.min()), BAR_H, Axes.colour(0), tip);
            if (Double.isFinite(b.error()) && b.error() > 0) {
                double loPx = x.px(Math.max(x.min(), b.value() - b.error()));
                double hiPx = x.px(b.value() + b.error());
                double cy = top + BAR_H / 2.0;
                s.line(loPx, cy, hiPx, cy, "#000", 1).line(loPx, cy - 5, loPx, cy + 5, "#000", 1).line(hiPx, cy - 5, hiPx, cy + 5, "#000", 1);
            }
        }
        Axes.x(s, x, y + 4, unit);
        return s.end();
    }

    static boolean logAxis(List<Bar> bars) {
        double[] v = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).toArray();
        return v.length > 1 && Arrays.stream(v).allMatch(d -> d > 0)
                && Arrays.stream(v).max().orElseThrow() / Arrays.stream(v).min().orElseThrow() >= LOG_SPAN;
    }

    /** Splits a long benchmark name after '.', '-', ',' or ':' so that no line exceeds {@code width} characters. */
    static List<String> wrap(String s, int width) {
        List<String> out = new ArrayList<>();
        String rest = s;
        while (rest.length() > width) {
            int cut = -1;
            for (int k = width; k > width / 2 && cut < 0; k--) {
                char c = rest.charAt(k - 1);
                if (c == '.' || c == '-' || c == ',' || c == ':' || c == ' ') {
                    cut = k;
                }
            }
            cut = cut < 0 ? width : cut;
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        out.add(rest);
        return out;
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
        double maxX = series.stream().flatMapToDouble(se -> Arrays.stream(se.x())).max().orElse(100);
        Scale x = new Scale(1, Math.max(10, 1 / (1 - Math.min(maxX, 99.9999) / 100)), true, LEFT, W - RIGHT);
        double lo = series.stream().flatMapToDouble(se -> Arrays.stream(se.y())).filter(v -> v > 0).min().orElse(1);
        double hi = series.stream().flatMapToDouble(se -> Arrays.stream(se.y())).filter(Double::isFinite).max().orElse(10);
        Scale y = Scale.fit(lo, hi, true, h - 40, TOP);
        Svg s = new Svg(W, h, title);
        s.text(W / 2.0, 14, "middle", title);
        s.open("axis-x");
        for (double nines : new double[] {0, 90, 99, 99.9, 99.99, 99.999}) {
            double xv = 1 / (1 - nines / 100);
            if (xv <= x.max()) {
                s.line(x.px(xv), TOP, x.px(xv), h - 40, "#ddd", 1).text(x.px(xv), h - 26, "middle",
                        java.math.BigDecimal.valueOf(nines).stripTrailingZeros().toPlainString() + "%", "tick", null);
            }
        }
        s.close();
        s.text(W / 2.0, h - 8, "middle", "percentile");
        Axes.y(s, y, yUnit, LEFT, h - 40);
        for (int i = 0; i < series.size(); i++) {
            Series se = series.get(i);
            double[] px = new double[se.x().length];
            double[] py = new double[se.y().length];
            for (int k = 0; k < px.length; k++) {
                px[k] = x.px(1 / (1 - Math.min(se.x()[k], 99.9999) / 100));
                py[k] = se.y()[k] > 0 ? y.px(se.y()[k]) : Double.NaN;
            }
            s.polyline(px, py, Axes.colour(i));
            Axes.legend(s, LEFT, TOP, i, se.name());
        }
        return s.end();
    }

    /** Values over time (seconds from the start) on a linear x axis; y linear or logarithmic. */
    public static String timeSeries(String title, String xUnit, String yUnit, List<Series> series, boolean logY) {
        int h = 260;
        double minX = series.stream().flatMapToDouble(se -> Arrays.stream(se.x())).min().orElse(0);
        double maxX = series.stream().flatMapToDouble(se -> Arrays.stream(se.x())).max().orElse(1);
        Scale x = Scale.fit(minX, maxX, false, LEFT, W - RIGHT);
        double lo = series.stream().flatMapToDouble(se -> Arrays.stream(se.y())).filter(v -> Double.isFinite(v) && (!logY || v > 0)).min().orElse(1);
        double hi = series.stream().flatMapToDouble(se -> Arrays.stream(se.y())).filter(Double::isFinite).max().orElse(10);
        Scale y = Scale.fit(lo, hi, logY, h - 40, TOP);
        Svg s = new Svg(W, h, title);
        s.text(W / 2.0, 14, "middle", title);
        Axes.x(s, x, h - 40, "");
        s.text(W / 2.0, h - 8, "middle", xUnit);
        Axes.y(s, y, yUnit, LEFT, h - 40);
        for (int i = 0; i < series.size(); i++) {
            Series se = series.get(i);
            double[] px = new double[se.x().length];
            double[] py = new double[se.y().length];
            for (int k = 0; k < px.length; k++) {
                px[k] = x.px(se.x()[k]);
                py[k] = Double.isFinite(se.y()[k]) && (!logY || se.y()[k] > 0) ? y.px(se.y()[k]) : Double.NaN;
            }
            String c = Axes.colour(i);
            s.polyline(px, py, c);
            for (int k = 0; k < px.length; k++) {
                if (Double.isFinite(py[k])) {
                    s.circle(px[k], py[k], 2.5, c, se.name() + " at " + Si.format(se.x()[k]) + " " + xUnit + ": "
                            + Si.format(se.y()[k]) + " " + yUnit);
                }
            }
            Axes.legend(s, LEFT, TOP, i, se.name());
        }
        return s.end();
    }
}
