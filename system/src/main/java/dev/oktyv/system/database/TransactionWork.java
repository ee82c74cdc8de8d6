package dev.oktyv.system.database;

/**
 * The body of a transaction. It may run more than once (retry on serialization failure or deadlock), so it must
 * not have side effects outside the database that cannot be repeated.
 */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Transaction tx) throws Exception;
}
