package dev.oktyv.system.database;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

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
     * give. Only a miss makes one ({@link #of}), stripped of the values, so the cache never keeps a caller's values;
     * a look-up hashes the caller's {@code Select} ({@link #hashOf}) and compares it in place ({@link #matches}):
     * no key object, no copied lists, no record or list {@code equals} per query (the key object and those
     * comparisons were most of the look-up in the point query's CPU and allocation profiles).
     */
    private static final class SelectShape {
        private final Identifier table;
        private final List<Identifier> columns;
        private final List<Where.Condition> conditions; // values replaced by a marker: only column() and comparison() count
        private final List<Select.Order> orderBy;
        private final boolean limit;
        private final boolean offset;
        private final int hash;

        private SelectShape(Select s, int hash) {
            List<Where.Condition> shapeOnly = new ArrayList<>(s.where().conditions().size());
            for (Where.Condition c : s.where().conditions()) {
                shapeOnly.add(new Where.Condition(c.column(), c.comparison(), Boolean.TRUE));
            }
            this.table = s.table();
            this.columns = s.columns();
            this.conditions = List.copyOf(shapeOnly);
            this.orderBy = s.orderBy();
            this.limit = s.limit().isPresent();
            this.offset = s.offset().isPresent();
            this.hash = hash;
        }

        /** The value-free shape of {@code s} (its lists are immutable copies already: {@link Select}'s constructor). */
        static SelectShape of(Select s, int hash) {
            return new SelectShape(s, hash);
        }

        static int hashOf(Select s) {
            int h = s.table().hashCode();
            List<Where.Condition> conditions = s.where().conditions();
            for (int i = 0; i < conditions.size(); i++) {
                Where.Condition c = conditions.get(i);
                h = 31 * (31 * h + c.column().hashCode()) + c.comparison().ordinal();
            }
            if (!s.columns().isEmpty()) {
                h = 31 * h + s.columns().hashCode();
            }
            if (!s.orderBy().isEmpty()) {
                h = 31 * h + s.orderBy().hashCode();
            }
            return 4 * h + (s.limit().isPresent() ? 2 : 0) + (s.offset().isPresent() ? 1 : 0);
        }

        /** Whether {@code s} (whose {@link #hashOf} is {@code h}) has this shape, whatever its values. */
        boolean matches(Select s, int h) {
            List<Where.Condition> other = s.where().conditions();
            if (hash != h || limit != s.limit().isPresent() || offset != s.offset().isPresent()
                    || !table.equals(s.table()) || conditions.size() != other.size()) {
                return false;
            }
            for (int i = 0; i < conditions.size(); i++) {
                Where.Condition a = conditions.get(i);
                Where.Condition b = other.get(i);
                if (a.comparison() != b.comparison() || !a.column().equals(b.column())) {
                    return false;
                }
            }
            return sameList(columns, s.columns()) && sameList(orderBy, s.orderBy());
        }

        /** Most shapes name no columns and no order: two empty lists need no iterator. */
        private static boolean sameList(List<?> a, List<?> b) {
            return a.isEmpty() ? b.isEmpty() : a.equals(b);
        }
    }

    /** A cached text and the shape it belongs to. */
    private record Entry(SelectShape shape, String sql) {
    }

    /**
     * Rendered SELECT texts by shape: an application has a handful of query shapes and runs each many times, and
     * rendering (string building, quoting every identifier) was a measurable share of a point query on H2. The
     * bound keeps a caller that builds shapes dynamically from growing it without limit; beyond it, shapes are
     * rendered each time as before.
     *
     * <p>An open-addressing table, copied on every insert and published through a volatile field: reads (every
     * query) take no lock and allocate nothing, inserts (once per shape, at most {@value #MAX_CACHED_SHAPES}) copy
     * {@value #SLOTS} references. Twice as many slots as entries keeps every probe short and guarantees an empty
     * slot, which ends a probe for an absent shape.
     */
    static final int MAX_CACHED_SHAPES = 1024;
    private static final int SLOTS = 2 * MAX_CACHED_SHAPES;
    private static volatile Entry[] selectTexts = new Entry[SLOTS];
    private static int cachedShapes; // guarded by SqlRenderer.class

    private SqlRenderer() {
    }

    /** Text and parameters of {@code s}; the text from the shape cache ({@link #selectSql}). */
    static Statement select(Select s) {
        return new Statement(selectSql(s), selectParameters(s));
    }

    /** The SQL text of {@code s}, rendered once per shape; its parameters are {@link #selectParameters}. */
    static String selectSql(Select s) {
        int hash = SelectShape.hashOf(s);
        Entry[] table = selectTexts;
        for (int i = slot(hash); ; i = (i + 1) & (SLOTS - 1)) {
            Entry e = table[i];
            if (e == null) {
                break;
            }
            if (e.shape().matches(s, hash)) {
                return e.sql();
            }
        }
        String sql = render(s).sql();
        remember(SelectShape.of(s, hash), sql);
        return sql;
    }

    private static synchronized void remember(SelectShape shape, String sql) {
        if (cachedShapes >= MAX_CACHED_SHAPES) {
            return;
        }
        Entry[] copy = selectTexts.clone();
        for (int i = slot(shape.hash); ; i = (i + 1) & (SLOTS - 1)) {
            if (copy[i] == null) {
                copy[i] = new Entry(shape, sql);
                break;
            }
            if (copy[i].shape().hash == shape.hash && copy[i].sql().equals(sql)) {
                return; // another thread rendered the same shape first
            }
        }
        cachedShapes++;
        selectTexts = copy;
    }

    /** The first slot to probe: the hash's bits spread as HashMap does, so shapes differing in high bits spread. */
    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
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
