package dev.oktyv.analysis.report.chart;

/**
 * Axis drawing shared by the chart shapes. Tick labels carry class {@code tick} inside a group {@code axis-x} or
 * {@code axis-y}, so a browser test can read one axis's labels and check they are readable and distinct.
 */
final class Axes {

    /** Units longer than this go into the axis title only; longer ones would crowd every tick. */
    private static final int MAX_TICK_UNIT = 6;

    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private Axes() {
    }

    static boolean unitOnTicks(String unit) {
        return !unit.isEmpty() && unit.length() <= MAX_TICK_UNIT;
    }

    /** A value axis along x at pixel row {@code y}. */
    static void x(Svg s, Scale x, double y, String unit) {
        s.open("axis-x").line(x.pixelFrom(), y, x.pixelTo(), y, "#444", 1);
        double[] ticks = x.ticks();
        String[] labels = Si.ticks(ticks);
        String suffix = unitOnTicks(unit) ? " " + unit : "";
        for (int i = 0; i < ticks.length; i++) {
            s.line(x.px(ticks[i]), y, x.px(ticks[i]), y + 4, "#444", 1)
                    .text(x.px(ticks[i]), y + 15, "middle", labels[i] + suffix, "tick", null);
        }
        s.close();
    }

    /** A value axis along y at pixel column {@code left}; the unit goes on the ticks or, when long, beside them. */
    static void y(Svg s, Scale y, String unit, double left, double bottom) {
        s.open("axis-y").line(left, y.pixelTo(), left, bottom, "#444", 1);
        double[] ticks = y.ticks();
        String[] labels = Si.ticks(ticks);
        String suffix = unitOnTicks(unit) ? " " + unit : "";
        for (int i = 0; i < ticks.length; i++) {
            s.line(left - 4, y.px(ticks[i]), left, y.px(ticks[i]), "#444", 1)
                    .text(left - 6, y.px(ticks[i]) + 4, "end", labels[i] + suffix, "tick", null);
        }
        s.close();
        if (!unitOnTicks(unit)) {
            s.rotatedText(12, (y.pixelTo() + bottom) / 2, unit);
        }
    }

    static void legend(Svg s, double left, double top, int i, String name) {
        s.rect(left + 10 + i * 160, top + 2, 10, 10, COLOURS[i % COLOURS.length], name);
        s.text(left + 24 + i * 160, top + 11, "start", name);
    }

    static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }
}
