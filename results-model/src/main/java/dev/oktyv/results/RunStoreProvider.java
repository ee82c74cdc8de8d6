package dev.oktyv.results;

import java.io.IOException;
import java.util.Optional;

/**
 * A kind of shared run store, found through {@link java.util.ServiceLoader}: the command line knows only this
 * interface, so the PostgreSQL store (and its JDBC driver and Flyway) stays in its own module.
 */
public interface RunStoreProvider {

    /** Whether {@code url} is this provider's (e.g. starts with {@code jdbc:postgresql:}). */
    boolean accepts(String url);

    /**
     * Opens the store, creating or migrating its schema when needed.
     *
     * @param password from the vault, never from the URL (a URL carrying one is refused)
     * @throws IllegalArgumentException a malformed URL, or one that carries a password
     * @throws IOException              the store cannot be reached or migrated
     */
    RunStore open(String url, Optional<char[]> password) throws IOException;
}
