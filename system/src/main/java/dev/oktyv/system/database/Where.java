package dev.oktyv.system.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conjunction of column conditions whose values are always bound parameters. {@link #all()} must be said
 * explicitly: an update or delete without a WHERE clause is a deliberate act, not a forgotten argument.
 */
public record Where(List<Condition> conditions) {

    public record Condition(Identifier column, Comparison comparison, Object value) {
        public Condition {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(comparison, "comparison");
            if (value == null) {
                throw new IllegalArgumentException("condition on column '" + column
                        + "' has a null value; SQL comparisons with NULL are never true");
            }
        }
    }

    public Where {
        conditions = List.copyOf(conditions);
    }

    /** Shared: every SELECT without conditions starts from it, and a record with an empty list is immutable. */
    private static final Where ALL = new Where(List.of());

    public static Where all() {
        return ALL;
    }

    public static Where eq(Identifier column, Object value) {
        return new Where(List.of(new Condition(column, Comparison.EQ, value)));
    }

    public static Where of(Identifier column, Comparison comparison, Object value) {
        return new Where(List.of(new Condition(column, comparison, value)));
    }

    public Where and(Identifier column, Comparison comparison, Object value) {
        List<Condition> next = new ArrayList<>(conditions);
        next.add(new Condition(column, comparison, value));
        return new Where(next);
    }

    public boolean isAll() {
        return conditions.isEmpty();
    }
}
