package dev.oktyv.system.database;

import java.util.List;
import java.util.Objects;

/**
 * Fixed statement text (DDL, a hand-written query) whose only variable parts are identifiers, written as
 * {@code {}} slots and filled with quoted {@link Identifier}s. Values still go as {@code ?} parameters. The
 * text itself must be a constant in the calling code: this type exists so that the one place where SQL text
 * is assembled makes the identifier substitution explicit and checked.
 */
public record SqlTemplate(String text, List<Identifier> identifiers) {

    public SqlTemplate {
        Objects.requireNonNull(text, "text");
        identifiers = List.copyOf(identifiers);
        int slots = countSlots(text);
        if (slots != identifiers.size()) {
            throw new IllegalArgumentException("SQL template has " + slots + " {} slots but " + identifiers.size()
                    + " identifiers were given: " + text);
        }
    }

    public static SqlTemplate of(String text, Identifier... identifiers) {
        return new SqlTemplate(text, List.of(identifiers));
    }

    /** The statement text with every slot replaced by its quoted identifier. */
    public String render() {
        StringBuilder b = new StringBuilder(text.length() + 16 * identifiers.size());
        int from = 0;
        for (Identifier id : identifiers) {
            int at = text.indexOf("{}", from);
            b.append(text, from, at).append(id.quoted());
            from = at + 2;
        }
        return b.append(text, from, text.length()).toString();
    }

    private static int countSlots(String text) {
        int n = 0;
        for (int i = text.indexOf("{}"); i >= 0; i = text.indexOf("{}", i + 2)) {
            n++;
        }
        return n;
    }
}
