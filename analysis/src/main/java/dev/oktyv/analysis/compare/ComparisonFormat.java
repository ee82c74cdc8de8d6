package dev.oktyv.analysis.compare;

import java.util.Locale;

/** The formats of {@code compare --format}. */
public enum ComparisonFormat {
    TABLE, MD, JSON, HTML;

    public ComparisonWriter writer() {
        return writer("");
    }

    /** @param linkPrefix prefix that makes flame-graph links (relative to the candidate run folder) resolve from the output */
    public ComparisonWriter writer(String linkPrefix) {
        return switch (this) {
            case TABLE -> new TerminalTableWriter();
            case MD -> new MarkdownWriter(linkPrefix);
            case JSON -> new JsonWriter();
            case HTML -> new HtmlWriter(linkPrefix);
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
