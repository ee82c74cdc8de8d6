package dev.oktyv.system.database;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One result row: column labels (as the database reports them) to values, in select order. Accessors fail
 * with the column name when it is absent, instead of returning null for a typo.
 */
public final class Row {

    private final Map<String, Object> values;

    Row(LinkedHashMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public List<String> columns() {
        return List.copyOf(values.keySet());
    }

    /** The value, possibly null when the column is SQL NULL. */
    public Object get(String column) {
        if (!values.containsKey(column)) {
            throw new NoSuchElementException("no column '" + column + "' in row with columns " + values.keySet());
        }
        return values.get(column);
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
        return "Row" + values.keySet();
    }
}
