package dev.oktyv.system.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An ordered set of column = value pairs for an insert or an update. Values travel only as
 * {@code PreparedStatement} parameters; columns only as {@link Identifier}s. Immutable.
 */
public final class ColumnValues {

    private final List<Identifier> columns;
    private final List<Object> values;

    private ColumnValues(List<Identifier> columns, List<Object> values) {
        this.columns = columns;
        this.values = values;
    }

    public static ColumnValues of(Identifier column, Object value) {
        return new ColumnValues(List.of(Objects.requireNonNull(column, "column")),
                Collections.singletonList(value));
    }

    /** A copy with one more column; a column may appear only once. */
    public ColumnValues with(Identifier column, Object value) {
        Objects.requireNonNull(column, "column");
        if (columns.contains(column)) {
            throw new IllegalArgumentException("column '" + column + "' is set twice");
        }
        List<Identifier> c = new ArrayList<>(columns);
        List<Object> v = new ArrayList<>(values);
        c.add(column);
        v.add(value);
        return new ColumnValues(List.copyOf(c), Collections.unmodifiableList(v));
    }

    public List<Identifier> columns() {
        return columns;
    }

    /** The values in column order; may contain nulls (inserting NULL is legitimate). */
    public List<Object> values() {
        return values;
    }

    public int size() {
        return columns.size();
    }

    /** Shows column names only: values may be personal data and have no place in logs. */
    @Override
    public String toString() {
        return "ColumnValues" + columns;
    }
}
