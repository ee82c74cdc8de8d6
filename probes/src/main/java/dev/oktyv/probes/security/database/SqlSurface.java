package dev.oktyv.probes.security.database;

import java.util.List;
import java.util.Optional;

/**
 * The engine's entry points that take input, over a probe table {@code items(id, name, note)} and a canary table
 * {@code canary(id, secret)} that the attacks must not reach. Every {@code name} and {@code note} is attacker input;
 * {@link #sortedBy} takes attacker input as a column name.
 */
public interface SqlSurface extends AutoCloseable {

    /** The canary table's name, so the payloads can aim at it as an attacker who knows the schema would. */
    String canaryTable();

    String itemsTable();

    /** SELECT name FROM items WHERE name = ?. */
    List<String> findNames(String name);

    /** At most one row; SELECT note FROM items WHERE name = ?. */
    Optional<String> findNote(String name);

    /** Rows named {@code name}, read inside a transaction (the engine's transaction entry point). */
    long countNamed(String name);

    /** UPDATE items SET note = ? WHERE name = ? through the engine's fixed-text template entry point. */
    int updateByTemplate(String name, String note);

    int insert(String name, String note);

    int insertBatch(List<String> names);

    int update(String name, String note);

    int delete(String name);

    /** Item names ordered by the column the caller names: identifier input. */
    List<String> sortedBy(String column);

    /** Trusted: rows in items. */
    long itemCount();

    /** Trusted: rows in the canary table, and a digest of its content; throws when the table is gone. */
    String canaryState();

    @Override
    void close();
}
