package dev.oktyv.analysis.report.chart;

import java.util.Locale;

/** A tiny SVG writer: numbers always with a dot (German locale!), text escaped. */
final class Svg {

    private final StringBuilder sb = new StringBuilder();

    Svg(int width, int height, String title) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\"><title>").append(esc(title)).append("</title>\n");
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1, y1, x2, y2, stroke, width));
        return this;
    }

    Svg dashed(double x1, double y1, double x2, double y2, String stroke) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>%n",
                x1, y1, x2, y2, stroke));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">", x, y, w, Math.max(h, 0.5), fill));
        sb.append("<title>").append(esc(tooltip)).append("</title></rect>\n");
        return this;
    }

    Svg circle(double x, double y, double r, String fill, String tooltip) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", x, y, r, fill));
        sb.append("<title>").append(esc(tooltip)).append("</title></circle>\n");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(ys[i])) {
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
            }
        }
        sb.append("\"/>\n");
        return this;
    }

    Svg text(double x, double y, String anchor, String text) {
        return text(x, y, anchor, text, null, null);
    }

    /**
     * Text with an optional CSS class (tests find tick labels by it) and an optional hover tooltip. The tooltip
     * sits on a wrapping group, not inside the text, so the text's content stays exactly the label.
     */
    Svg text(double x, double y, String anchor, String text, String cssClass, String tooltip) {
        if (tooltip != null) {
            sb.append("<g class=\"tip\"><title>").append(esc(tooltip)).append("</title>");
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", x, y, anchor));
        if (cssClass != null) {
            sb.append(" class=\"").append(esc(cssClass)).append('"');
        }
        sb.append('>').append(esc(text)).append("</text>");
        sb.append(tooltip != null ? "</g>\n" : "\n");
        return this;
    }

    Svg open(String cssClass) {
        sb.append("<g class=\"").append(esc(cssClass)).append("\">\n");
        return this;
    }

    Svg close() {
        sb.append("</g>\n");
        return this;
    }

    Svg rotatedText(double x, double y, String text) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">", x, y, x, y))
                .append(esc(text)).append("</text>\n");
        return this;
    }

    String end() {
        return sb.append("</svg>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
