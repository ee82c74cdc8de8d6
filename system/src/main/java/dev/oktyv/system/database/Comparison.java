package dev.oktyv.system.database;

/** The comparison operators a {@link Where} condition may use; the operator text is fixed here, never user input. */
public enum Comparison {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String sql;

    Comparison(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
