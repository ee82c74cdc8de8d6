package dev.oktyv.system.database;

import java.util.ArrayList;
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
     * Everything of a {@link Select} that decides its SQL text, without the bound values: the table, the selected
     * columns, each condition's column and comparison, the ORDER BY, and whether LIMIT/OFFSET are present. Made
     * only of validated {@link Identifier}s and enums, so a cached text is exactly what rendering it again would
     * give. The look-up key reads the caller's {@code Select} in place (one small object per query, no copied
     * lists, no record or list {@code equals}: those were most of the look-up in the point query's CPU profile);
     * only a miss stores a copy stripped of the values ({@link #stored}), so the cache never keeps a caller's values.
     */
    private static final class SelectShape {
        private final Identifier table;
        private final List<Identifier> columns;
        private final List<Where.Condition> conditions; // only column() and comparison() count
        private final List<Select.Order> orderBy;
        private final boolean limit;
        private final boolean offset;
        private final int hash;

        private SelectShape(Identifier table, List<Identifier> columns, List<Where.Condition> conditions,
                            List<Select.Order> orderBy, boolean limit, boolean offset) {
            this.table = table;
            this.columns = columns;
            this.conditions = conditions;
            this.orderBy = orderBy;
            this.limit = limit;
            this.offset = offset;
            int h = table.hashCode();
            for (int i = 0; i < conditions.size(); i++) {
                Where.Condition c = conditions.get(i);
                h = 31 * (31 * h + c.column().hashCode()) + c.comparison().ordinal();
            }
            if (!columns.isEmpty()) {
                h = 31 * h + columns.hashCode();
            }
            if (!orderBy.isEmpty()) {
                h = 31 * h + orderBy.hashCode();
            }
            this.hash = 4 * h + (limit ? 2 : 0) + (offset ? 1 : 0);
        }

        /** The key of {@code s}, reading its lists in place (for look-ups). */
        static SelectShape of(Select s) {
            return new SelectShape(s.table(), s.columns(), s.where().conditions(), s.orderBy(), s.limit().isPresent(),
                    s.offset().isPresent());
        }

        /** The same key with every condition's value replaced by a marker: what the cache keeps. */
        SelectShape stored() {
            List<Where.Condition> shapeOnly = new ArrayList<>(conditions.size());
            for (Where.Condition c : conditions) {
                shapeOnly.add(new Where.Condition(c.column(), c.comparison(), Boolean.TRUE));
            }
            return new SelectShape(table, columns, List.copyOf(shapeOnly), orderBy, limit, offset);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof SelectShape other) || hash != other.hash || limit != other.limit
                    || offset != other.offset || !table.equals(other.table)
                    || conditions.size() != other.conditions.size()) {
                return false;
            }
            for (int i = 0; i < conditions.size(); i++) {
                Where.Condition a = conditions.get(i);
                Where.Condition b = other.conditions.get(i);
                if (a.comparison() != b.comparison() || !a.column().equals(b.column())) {
                    return false;
                }
            }
            return sameList(columns, other.columns) && sameList(orderBy, other.orderBy);
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

    /** Text and parameters of {@code s}; the text from the shape cache ({@link #selectSql}). */
    static Statement select(Select s) {
        return new Statement(selectSql(s), selectParameters(s));
    }

    /** The SQL text of {@code s}, rendered once per shape; its parameters are {@link #selectParameters}. */
    static String selectSql(Select s) {
        SelectShape shape = SelectShape.of(s);
        String sql = SELECT_TEXTS.get(shape);
        if (sql == null) {
            sql = render(s).sql();
            if (SELECT_TEXTS.size() < MAX_CACHED_SHAPES) {
                SELECT_TEXTS.putIfAbsent(shape.stored(), sql);
            }
        }
        return sql;
    }

    /**
     * The values of {@code s} in the order of its text's {@code ?}: each condition's value, then LIMIT, then OFFSET
     * ({@link #render} appends them in that order too).
     */
    static List<Object> selectParameters(Select s) {
        List<Where.Condition> conditions = s.where().conditions();
        List<Object> params = new ArrayList<>(conditions.size() + 2);
        for (Where.Condition c : conditions) {
            params.add(c.value());
        }
        if (s.limit().isPresent()) {
            params.add(s.limit().getAsLong());
        }
        if (s.offset().isPresent()) {
            params.add(s.offset().getAsLong());
        }
        return params;
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
