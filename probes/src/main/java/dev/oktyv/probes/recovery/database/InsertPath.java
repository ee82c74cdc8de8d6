package dev.oktyv.probes.recovery.database;

import dev.oktyv.system.database.ColumnValues;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.database.Identifier;

/**
 * How the application inserts a row: straight through the engine for the real target; tests register a
 * blind-retry wrapper, which is what turns an ambiguous failure into a duplicate.
 */
@FunctionalInterface
public interface InsertPath {

    InsertPath REAL = DatabaseEngine::insert;

    void insert(DatabaseEngine db, Identifier table, ColumnValues values);
}
