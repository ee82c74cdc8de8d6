package dev.oktyv.profiles.flame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the single HTML template (script and styles inline) with a JSON data object. Shared by the plain and the
 * differential flame graph so both have the same search, zoom and tooltip code.
 */
final class HtmlPage {

    private static final String TEMPLATE = load();

    /**
     * Frames narrower than this share of the total are dropped from the HTML (not from collapsed output): they
     * would be under a pixel wide, and dropping them keeps a graph of a large recording small enough to open.
     */
    static final double MIN_SHARE = 1e-5;

    private HtmlPage() {
    }

    private static String load() {
        try (InputStream in = HtmlPage.class.getResourceAsStream("flame-template.html")) {
            if (in == null) {
                throw new IllegalStateException("flame-template.html missing from the profiles jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String title, String dataJson) {
        return TEMPLATE.replace("{{TITLE}}", escapeHtml(title)).replace("/*DATA*/", dataJson);
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** JSON string literal that is also safe inside a script element ({@code </script>} cannot appear). */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Interns frame names into an index table, so a name repeated in many stacks is stored once. */
    static final class Names {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> list = new java.util.ArrayList<>();

        int of(String name) {
            return index.computeIfAbsent(name, n -> {
                list.add(n);
                return list.size() - 1;
            });
        }

        /**
         * {@code "originals":{"<index>":"<original name>",...}}, for the names that {@link FrameNormaliser} changed
         * and that the graph shows; the tooltip prints the original under the normalised name.
         */
        void appendOriginalsJson(StringBuilder sb, Map<String, String> originals) {
            sb.append('{');
            boolean first = true;
            for (int i = 0; i < list.size(); i++) {
                String o = originals.get(list.get(i));
                if (o == null) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append('"').append(i).append("\":");
                quote(sb, o);
            }
            sb.append('}');
        }

        void appendJson(StringBuilder sb) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(sb, list.get(i));
            }
            sb.append(']');
        }
    }
}
