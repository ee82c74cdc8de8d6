package dev.oktyv.system.database;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table or column name that may appear in SQL text. It is the only way a name reaches SQL: the name must
 * match an allow-list of characters (letters, digits, underscore; starting with a letter or underscore; at
 * most 63 characters, PostgreSQL's limit) and is always rendered double-quoted. Quoting alone would be
 * enough against injection, but the allow-list keeps user-chosen names (a sort column from a query string)
 * to the shapes a schema actually uses, so a rejected name fails loudly instead of silently naming nothing.
 *
 * <p>Because names are always quoted they are case-sensitive on both H2 and PostgreSQL: create tables through
 * {@link SqlTemplate} with the same identifiers the queries use.
 */
public record Identifier(String name) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public Identifier {
        Objects.requireNonNull(name, "name");
        if (!ALLOWED.matcher(name).matches()) {
            throw new InvalidIdentifierException(name, ALLOWED.pattern());
        }
    }

    public static Identifier of(String name) {
        return new Identifier(name);
    }

    /** The name as it appears in SQL: double-quoted (embedded quotes are impossible after validation). */
    public String quoted() {
        return '"' + name + '"';
    }

    /**
     * Written out rather than the record's generated one (same meaning): identifiers are hashed and compared for
     * every query in the rendered-SQL cache's key, and the generated methods showed in the point query's profile.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Identifier other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
