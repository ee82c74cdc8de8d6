package dev.oktyv.system.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements themselves, on a connection the caller owns. Shared by the engine (one borrowed connection per
 * call) and {@link Transaction} (one connection for the whole unit of work), so both run identical SQL.
 */
final class JdbcOperations {

    private JdbcOperations() {
    }

    /**
     * How a result set becomes the caller's value; implemented by non-capturing method references (no allocation).
     * {@code cached} is the statement's cache entry, for its labels, or null when the statement is not cached.
     */
    @FunctionalInterface
    private interface ResultReader<T> {
        T read(Select select, ResultSet rs, StatementCache.CachedStatement cached) throws SQLException;
    }

    static List<Row> query(Connection c, Select select) {
        return select(c, select, JdbcOperations::readRows);
    }

    /** {@link #query(Connection, Select)} through per-connection cached statements (autocommit reads only). */
    static List<Row> query(Connection c, Select select, StatementCache statements) {
        return select(c, select, statements, JdbcOperations::readRows);
    }

    static Optional<Row> queryOne(Connection c, Select select) {
        return select(c, select, JdbcOperations::readAtMostOne);
    }

    static Optional<Row> queryOne(Connection c, Select select, StatementCache statements) {
        return select(c, select, statements, JdbcOperations::readAtMostOne);
    }

    private static <T> T select(Connection c, Select select, ResultReader<T> reader) {
        try (PreparedStatement ps = c.prepareStatement(SqlRenderer.selectSql(select))) {
            bindSelect(ps, select);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(select, rs, null);
            }
        } catch (SQLException e) {
            throw failure("select", select.table(), e);
        }
    }

    private static <T> T select(Connection c, Select select, StatementCache statements, ResultReader<T> reader) {
        String sql = SqlRenderer.selectSql(select);
        try {
            StatementCache.CachedStatement cached = statements.cached(c, sql);
            PreparedStatement ps = cached.statement();
            try {
                bindSelect(ps, select);
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(select, rs, cached);
                }
            } catch (SQLException | RuntimeException e) {
                statements.discard(c, sql);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("select", select.table(), e);
        }
    }

    /**
     * The one row, read straight into an {@link Optional}: no list for a result that has at most one element, and
     * no metadata read when nothing matched (both showed in the point query's allocation profile).
     */
    private static Optional<Row> readAtMostOne(Select select, ResultSet rs, StatementCache.CachedStatement cached)
            throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        Row row = readRow(rs, labels(rs, cached));
        if (rs.next()) {
            int n = 2;
            while (rs.next()) {
                n++;
            }
            throw new DatabaseException("queryOne on table '" + select.table() + "' matched " + n
                    + " rows, expected at most 1", null, null);
        }
        return Optional.of(row);
    }

    static int insert(Connection c, Identifier table, ColumnValues values) {
        try (PreparedStatement ps = c.prepareStatement(SqlRenderer.insert(table, values.columns()))) {
            bind(ps, values.values());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("insert", table, e);
        }
    }

    /** All rows must name the same columns in the same order: they share one prepared statement. */
    static int insertBatch(Connection c, Identifier table, List<ColumnValues> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Identifier> columns = rows.get(0).columns();
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).columns().equals(columns)) {
                throw new IllegalArgumentException("insertBatch row " + i + " has columns " + rows.get(i).columns()
                        + " but row 0 has " + columns);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(SqlRenderer.insert(table, columns))) {
            for (ColumnValues row : rows) {
                bind(ps, row.values());
                ps.addBatch();
            }
            int total = 0;
            for (int n : ps.executeBatch()) {
                // SUCCESS_NO_INFO (-2): the driver executed the row but did not count it.
                total += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : n;
            }
            return total;
        } catch (SQLException e) {
            throw failure("insertBatch", table, e);
        }
    }

    static int update(Connection c, Identifier table, ColumnValues set, Where where) {
        SqlRenderer.Statement st = SqlRenderer.update(table, set, where);
        return executeUpdate(c, "update", table, st);
    }

    static int delete(Connection c, Identifier table, Where where) {
        return executeUpdate(c, "delete", table, SqlRenderer.delete(table, where));
    }

    static int execute(Connection c, SqlTemplate template, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(template.render())) {
            bind(ps, List.of(params));
            ps.execute();
            return ps.getUpdateCount();
        } catch (SQLException e) {
            throw failure("execute of template '" + template.text() + "'", e);
        }
    }

    private static int executeUpdate(Connection c, String op, Identifier table, SqlRenderer.Statement st) {
        try (PreparedStatement ps = c.prepareStatement(st.sql())) {
            bind(ps, st.parameters());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(op, table, e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bindValue(ps, i + 1, params.get(i));
        }
    }

    /**
     * The parameters of {@link SqlRenderer#selectParameters} bound straight from the {@code Select}, in the same
     * order (conditions, LIMIT, OFFSET), without building the list on every query.
     */
    private static void bindSelect(PreparedStatement ps, Select select) throws SQLException {
        List<Where.Condition> conditions = select.where().conditions();
        int i = 0;
        while (i < conditions.size()) {
            bindValue(ps, i + 1, conditions.get(i).value());
            i++;
        }
        if (select.limit().isPresent()) {
            ps.setLong(++i, select.limit().getAsLong());
        }
        if (select.offset().isPresent()) {
            ps.setLong(++i, select.offset().getAsLong());
        }
    }

    private static void bindValue(PreparedStatement ps, int index, Object p) throws SQLException {
        // The common key types through their own setters: setObject's type dispatch showed in the profile.
        if (p instanceof Long l) {
            ps.setLong(index, l);
        } else if (p instanceof Integer n) {
            ps.setInt(index, n);
        } else if (p instanceof String str) {
            ps.setString(index, str);
        } else {
            ps.setObject(index, p);
        }
    }

    private static List<Row> readRows(Select select, ResultSet rs, StatementCache.CachedStatement cached)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!rs.next()) {
            return rows;
        }
        String[] labels = labels(rs, cached);
        do {
            rows.add(readRow(rs, labels));
        } while (rs.next());
        return rows;
    }

    private static String[] labels(ResultSet rs, StatementCache.CachedStatement cached) throws SQLException {
        return cached != null ? cached.labels(rs) : labels(rs);
    }

    private static String[] labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        String[] labels = new String[md.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = md.getColumnLabel(i + 1);
        }
        return labels;
    }

    private static Row readRow(ResultSet rs, String[] labels) throws SQLException {
        Object[] values = new Object[labels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getObject(i + 1);
        }
        return new Row(labels, values);
    }

    static DatabaseException failure(String op, Identifier table, SQLException e) {
        return failure(op + " on table '" + table + "'", e);
    }

    /** A timeout says so first: the caller must know the database did not answer, not that the SQL was wrong. */
    private static DatabaseException failure(String what, SQLException e) {
        if (DatabaseTimeoutException.isTimeout(e)) {
            return new DatabaseTimeoutException(what + " timed out: no answer within the statement timeout"
                    + " (DatabaseConfig.statementTimeout): SQLState " + e.getSQLState() + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
        return new DatabaseException(what + " failed: SQLState " + e.getSQLState() + ": " + e.getMessage(),
                e.getSQLState(), e);
    }
}
