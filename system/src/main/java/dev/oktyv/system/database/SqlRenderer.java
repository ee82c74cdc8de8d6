package dev.oktyv.system.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the statement shapes the engine supports. Every name comes from an {@link Identifier} and every
 * value becomes a {@code ?}; the returned {@link Statement} carries the parameters in order. LIMIT/OFFSET
 * are parameters too (both H2 and PostgreSQL accept {@code LIMIT ? OFFSET ?}).
 */
final class SqlRenderer {

    record Statement(String sql, List<Object> parameters) {
    }

    /**
     * Everything of a {@link Select} that decides its SQL text, without the bound values. Made only of validated
     * {@link Identifier}s and enums, so a cached text is exactly what rendering it again would give. A class with a
     * precomputed hash rather than a record of lists: the key is built for every query, and hashing nested lists
     * cost more than the lookup saved (measured with the CPU profile of the point query).
     */
    private static final class SelectShape {
        private final Identifier table;
        private final List<Identifier> columns;
        private final Object[] where; // column, comparison, column, comparison, ...
        private final List<Select.Order> orderBy;
        private final boolean limit;
        private final boolean offset;
        private final int hash;

        SelectShape(Select s, Object[] where) {
            this.table = s.table();
            this.columns = s.columns();
            this.where = where;
            this.orderBy = s.orderBy();
            this.limit = s.limit().isPresent();
            this.offset = s.offset().isPresent();
            int h = table.hashCode();
            for (Object o : where) {
                h = 31 * h + o.hashCode();
            }
            if (!columns.isEmpty()) {
                h = 31 * h + columns.hashCode();
            }
            if (!orderBy.isEmpty()) {
                h = 31 * h + orderBy.hashCode();
            }
            this.hash = 4 * h + (limit ? 2 : 0) + (offset ? 1 : 0);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SelectShape other && hash == other.hash && limit == other.limit
                    && offset == other.offset && table.equals(other.table) && Arrays.equals(where, other.where)
                    && sameList(columns, other.columns) && sameList(orderBy, other.orderBy);
        }

        /** Most shapes name no columns and no order: two empty lists need no iterator. */
        private static boolean sameList(List<?> a, List<?> b) {
            return a.isEmpty() ? b.isEmpty() : a.equals(b);
        }
    }

    /**
     * Rendered SELECT texts by shape: an application has a handful of query shapes and runs each many times, and
     * rendering (string building, quoting every identifier) was a measurable share of a point query on H2. The
     * bound keeps a caller that builds shapes dynamically from growing it without limit; beyond it, shapes are
     * rendered each time as before.
     */
    private static final ConcurrentHashMap<SelectShape, String> SELECT_TEXTS = new ConcurrentHashMap<>();
    static final int MAX_CACHED_SHAPES = 1024;

    private SqlRenderer() {
    }

    static Statement select(Select s) {
        List<Where.Condition> conditions = s.where().conditions();
        Object[] where = new Object[2 * conditions.size()];
        List<Object> params = new ArrayList<>(conditions.size() + 2);
        for (int i = 0; i < conditions.size(); i++) {
            Where.Condition c = conditions.get(i);
            where[2 * i] = c.column();
            where[2 * i + 1] = c.comparison();
            params.add(c.value());
        }
        // Not ifPresent(params::add): the bound method reference is a new object per call on the hot path.
        if (s.limit().isPresent()) {
            params.add(s.limit().getAsLong());
        }
        if (s.offset().isPresent()) {
            params.add(s.offset().getAsLong());
        }
        SelectShape shape = new SelectShape(s, where);
        String sql = SELECT_TEXTS.get(shape);
        if (sql == null) {
            sql = render(s).sql();
            if (SELECT_TEXTS.size() < MAX_CACHED_SHAPES) {
                SELECT_TEXTS.putIfAbsent(shape, sql);
            }
        }
        return new Statement(sql, params);
    }

    /** The SQL text and parameters of {@code s}, rendered from scratch. */
    static Statement render(Select s) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        if (s.columns().isEmpty()) {
            sql.append('*');
        } else {
            StringJoiner cols = new StringJoiner(", ");
            s.columns().forEach(c -> cols.add(c.quoted()));
            sql.append(cols);
        }
        sql.append(" FROM ").append(s.table().quoted());
        appendWhere(sql, params, s.where());
        if (!s.orderBy().isEmpty()) {
            StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
            s.orderBy().forEach(o -> order.add(o.column().quoted() + ' ' + o.direction().name()));
            sql.append(order);
        }
        if (s.limit().isPresent()) {
            sql.append(" LIMIT ?");
            params.add(s.limit().getAsLong());
        }
        if (s.offset().isPresent()) {
            sql.append(" OFFSET ?");
            params.add(s.offset().getAsLong());
        }
        return new Statement(sql.toString(), params);
    }

    static String insert(Identifier table, List<Identifier> columns) {
        StringJoiner cols = new StringJoiner(", ", " (", ")");
        StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
        for (Identifier c : columns) {
            cols.add(c.quoted());
            marks.add("?");
        }
        return "INSERT INTO " + table.quoted() + cols + marks;
    }

    static Statement update(Identifier table, ColumnValues set, Where where) {
        List<Object> params = new ArrayList<>(set.values());
        StringJoiner assignments = new StringJoiner(", ", " SET ", "");
        set.columns().forEach(c -> assignments.add(c.quoted() + " = ?"));
        StringBuilder sql = new StringBuilder("UPDATE ").append(table.quoted()).append(assignments);
        appendWhere(sql, params, where);
        return new Statement(sql.toString(), params);
    }

    static Statement delete(Identifier table, Where where) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table.quoted());
        appendWhere(sql, params, where);
        return new Statement(sql.toString(), params);
    }

    private static void appendWhere(StringBuilder sql, List<Object> params, Where where) {
        if (where.isAll()) {
            return;
        }
        StringJoiner conj = new StringJoiner(" AND ", " WHERE ", "");
        for (Where.Condition c : where.conditions()) {
            conj.add(c.column().quoted() + ' ' + c.comparison().sql() + " ?");
            params.add(c.value());
        }
        sql.append(conj);
    }
}
