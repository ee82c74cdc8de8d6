package dev.oktyv.system.database;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One result row: column labels (as the database reports them) to values, in select order. Accessors fail
 * with the column name when it is absent, instead of returning null for a typo.
 *
 * <p>Labels are one array shared by every row of a result, and values an array: a map per row cost more than
 * the rest of a point query's Java side, and rows have few columns, so a linear scan finds a label as fast.
 * When a label occurs twice (a join selecting {@code id} from two tables) the last one wins, as it did
 * when rows were maps.
 */
public final class Row {

    private final String[] labels;
    private final Object[] values;

    /** {@code labels} is shared, never modified; {@code values} is owned by this row. */
    Row(String[] labels, Object[] values) {
        this.labels = labels;
        this.values = values;
    }

    public List<String> columns() {
        return Arrays.stream(labels).distinct().toList();
    }

    /** The value, possibly null when the column is SQL NULL. */
    public Object get(String column) {
        for (int i = labels.length - 1; i >= 0; i--) {
            if (labels[i].equals(column)) {
                return values[i];
            }
        }
        throw new NoSuchElementException("no column '" + column + "' in row with columns " + columns());
    }

    public String getString(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    public long getLong(String column) {
        Object v = get(column);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("column '" + column + "' is " + (v == null ? "NULL" : v.getClass().getSimpleName())
                    + ", not a number");
        }
        return n.longValue();
    }

    @Override
    public String toString() {
        return "Row" + columns();
    }
}
