package dev.oktyv.analysis.compare;

import java.util.Locale;

/** The formats of {@code compare --format}. */
public enum ComparisonFormat {
    TABLE, MD, JSON, HTML;

    public ComparisonWriter writer() {
        return switch (this) {
            case TABLE -> new TerminalTableWriter();
            case MD -> new MarkdownWriter();
            case JSON -> new JsonWriter();
            case HTML -> new HtmlWriter();
        };
    }

    public static ComparisonFormat parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "', expected one of table, md, json, html");
        }
    }
}
