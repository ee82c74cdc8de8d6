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

    static List<Row> query(Connection c, Select select) {
        SqlRenderer.Statement st = SqlRenderer.select(select);
        try (PreparedStatement ps = c.prepareStatement(st.sql())) {
            bind(ps, st.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                return readRows(rs);
            }
        } catch (SQLException e) {
            throw failure("select", select.table(), e);
        }
    }

    /** {@link #query(Connection, Select)} through per-connection cached statements (autocommit reads only). */
    static List<Row> query(Connection c, Select select, StatementCache statements) {
        SqlRenderer.Statement st = SqlRenderer.select(select);
        try {
            PreparedStatement ps = statements.prepare(c, st.sql());
            try {
                bind(ps, st.parameters());
                try (ResultSet rs = ps.executeQuery()) {
                    return readRows(rs);
                }
            } catch (SQLException | RuntimeException e) {
                statements.discard(c, st.sql());
                throw e;
            }
        } catch (SQLException e) {
            throw failure("select", select.table(), e);
        }
    }

    static Optional<Row> queryOne(Connection c, Select select) {
        return atMostOne(select, query(c, select));
    }

    static Optional<Row> queryOne(Connection c, Select select, StatementCache statements) {
        return atMostOne(select, query(c, select, statements));
    }

    private static Optional<Row> atMostOne(Select select, List<Row> rows) {
        if (rows.size() > 1) {
            throw new DatabaseException("queryOne on table '" + select.table() + "' matched " + rows.size()
                    + " rows, expected at most 1", null, null);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
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
            // The common key types through their own setters: setObject's type dispatch showed in the profile.
            Object p = params.get(i);
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof String str) {
                ps.setString(i + 1, str);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static List<Row> readRows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
        }
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = rs.getObject(i + 1);
            }
            rows.add(new Row(labels, values));
        }
        return rows;
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
