package dev.oktyv.analysis.report.chart;

import java.util.List;
import java.util.Set;

/**
 * A benchmark's score across runs: one slot per run on the x axis (labelled by its position, with run id and
 * commit on hover), each score with its error bar. Runs are categories, not a time axis: a fractional run number
 * means nothing, and uneven gaps between commits would squeeze the series together.
 */
public final class RunChart {

    /** Above this many runs, only every k-th slot is labelled so labels do not overlap. */
    private static final int MAX_LABELS = 24;

    private RunChart() {
    }

    /**
     * One run's point.
     *
     * @param label   short tick label (for example {@code #3})
     * @param tooltip run id, commit and date, shown on hover
     */
    public record Point(String label, String tooltip, double value, double error) {
    }

    /** @param shiftsBefore indices of runs that start a new level; a dashed line is drawn before each */
    public static String of(String title, String unit, List<Point> points, Set<Integer> shiftsBefore) {
        int h = 280;
        int n = Math.max(points.size(), 1);
        double from = Charts.LEFT;
        double band = (Charts.W - Charts.RIGHT - from) / n;
        double bottom = h - 44;
        double lo = points.stream().filter(p -> Double.isFinite(p.value()))
                .mapToDouble(p -> p.value() - (Double.isFinite(p.error()) ? p.error() : 0)).min().orElse(0);
        double hi = points.stream().filter(p -> Double.isFinite(p.value()))
                .mapToDouble(p -> p.value() + (Double.isFinite(p.error()) ? p.error() : 0)).max().orElse(1);
        Scale y = Scale.fit(lo, hi, false, bottom, Charts.TOP);
        Svg s = new Svg(Charts.W, h, title);
        s.text(Charts.W / 2.0, 14, "middle", title);
        Axes.y(s, y, unit, from, bottom);
        int every = (points.size() + MAX_LABELS - 1) / MAX_LABELS;
        s.open("axis-x").line(from, bottom, Charts.W - Charts.RIGHT, bottom, "#444", 1);
        for (int i = 0; i < points.size(); i++) {
            double cx = from + (i + 0.5) * band;
            s.line(cx, bottom, cx, bottom + 4, "#444", 1);
            if (i % Math.max(every, 1) == 0 || i == points.size() - 1) {
                s.text(cx, bottom + 15, "middle", points.get(i).label(), "tick", points.get(i).tooltip());
            }
        }
        s.close();
        s.text(Charts.W / 2.0, h - 10, "middle", "run, oldest → newest (hover for run id and commit)");
        for (int i : shiftsBefore) {
            double mx = from + i * band;
            s.dashed(mx, Charts.TOP, mx, bottom, "#d62728");
        }
        double[] px = new double[points.size()];
        double[] py = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            px[i] = from + (i + 0.5) * band;
            py[i] = Double.isFinite(p.value()) ? y.px(p.value()) : Double.NaN;
        }
        s.polyline(px, py, Axes.colour(0));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!Double.isFinite(py[i])) {
                continue;
            }
            if (Double.isFinite(p.error()) && p.error() > 0) {
                double a = y.px(Math.max(y.min(), p.value() - p.error()));
                double b = y.px(Math.min(y.max(), p.value() + p.error()));
                s.open("error-bar").line(px[i], a, px[i], b, "#000", 1).line(px[i] - 4, a, px[i] + 4, a, "#000", 1)
                        .line(px[i] - 4, b, px[i] + 4, b, "#000", 1).close();
            }
            s.circle(px[i], py[i], 3, Axes.colour(0), p.tooltip() + ": " + Si.format(p.value())
                    + (Double.isFinite(p.error()) ? " ± " + Si.format(p.error()) : "") + " " + unit);
        }
        return s.end();
    }
}
