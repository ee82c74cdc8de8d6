package dev.oktyv.system.database;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** The operations of one transaction, all on the connection the engine reserved for it. Valid only inside it. */
public final class Transaction {

    private final Connection connection;

    Transaction(Connection connection) {
        this.connection = connection;
    }

    public List<Row> query(Select select) {
        return JdbcOperations.query(connection, select);
    }

    public Optional<Row> queryOne(Select select) {
        return JdbcOperations.queryOne(connection, select);
    }

    public int insert(Identifier table, ColumnValues values) {
        return JdbcOperations.insert(connection, table, values);
    }

    public int insertBatch(Identifier table, List<ColumnValues> rows) {
        return JdbcOperations.insertBatch(connection, table, rows);
    }

    public int update(Identifier table, ColumnValues set, Where where) {
        return JdbcOperations.update(connection, table, set, where);
    }

    public int delete(Identifier table, Where where) {
        return JdbcOperations.delete(connection, table, where);
    }

    public int execute(SqlTemplate template, Object... params) {
        return JdbcOperations.execute(connection, template, params);
    }
}
