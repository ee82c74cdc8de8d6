package dev.oktyv.results.store.pg;

import dev.oktyv.results.RunFilter;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunMetadataJson;
import dev.oktyv.results.RunStore;
import dev.oktyv.results.StoredRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared results store on PostgreSQL. Opening it migrates the schema to the newest version (Flyway, scripts in
 * {@code db/oktyv-store}; concurrent openers serialise on Flyway's lock), so a new database needs no set-up step.
 * Every operation takes its own connection: the store is used by short commands, not a server.
 */
public final class PgRunStore implements RunStore {

    static final String MIGRATIONS = "classpath:db/oktyv-store";

    private final PgStoreUrl url;
    private final PGSimpleDataSource dataSource;

    private PgRunStore(PgStoreUrl url, PGSimpleDataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
    }

    /**
     * Connects and migrates.
     *
     * @throws IOException the database cannot be reached or the schema cannot be migrated (one line, no password)
     */
    public static PgRunStore open(PgStoreUrl url, Optional<char[]> password) throws IOException {
        return open(url, password, true);
    }

    /**
     * Like {@link #open(PgStoreUrl, Optional)}; {@code migrate} false skips Flyway for a schema known to be current
     * (the concurrent-writers test's child processes, whose parent migrated it).
     */
    static PgRunStore open(PgStoreUrl url, Optional<char[]> password, boolean migrate) throws IOException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(url.url());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("store URL '" + url + "' is malformed: " + e.getMessage(), e);
        }
        password.ifPresent(p -> ds.setPassword(new String(p)));
        // A connection first: "cannot reach" is a clearer message than Flyway's wrapping of the same failure.
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IOException("cannot reach the store " + url + ": " + firstLine(e.getMessage()), e);
        }
        if (!migrate) {
            return new PgRunStore(url, ds);
        }
        try {
            var config = Flyway.configure(PgRunStore.class.getClassLoader()).dataSource(ds).locations(MIGRATIONS);
            url.schema().ifPresent(config::schemas);
            config.load().migrate();
        } catch (FlywayException e) {
            throw new IOException("cannot migrate the store " + url + ": " + firstLine(e.getMessage()), e);
        }
        return new PgRunStore(url, ds);
    }

    @Override
    public String location() {
        return url.url();
    }

    Connection connect() throws IOException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IOException("cannot reach the store " + url + ": " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public List<StoredRun> list(RunFilter filter) throws IOException {
        String sql = "SELECT r.run_id, f.content FROM runs r JOIN run_files f ON f.run_pk = r.pk AND f.path = ?"
                + " WHERE (?::text IS NULL OR r.branch = ?) AND (?::text IS NULL OR r.host_class = ?)"
                + " AND (?::text IS NULL OR r.status = ?)";
        List<StoredRun> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, RunFolder.RUN_JSON);
            String branch = filter.branch().orElse(null);
            String hostClass = filter.hostClass().orElse(null);
            String status = filter.status().map(s -> s.wireName()).orElse(null);
            st.setString(2, branch);
            st.setString(3, branch);
            st.setString(4, hostClass);
            st.setString(5, hostClass);
            st.setString(6, status);
            st.setString(7, status);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    RunId id = new RunId(rs.getString(1));
                    out.add(new StoredRun(id, RunMetadataJson.read(new String(rs.getBytes(2), StandardCharsets.UTF_8))));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot list the runs in " + url + ": " + firstLine(e.getMessage()), e);
        }
        // The filesystem store's order exactly (RunId's, suffixes numerically), so both answer latest~N alike.
        out.sort(Comparator.comparing(StoredRun::id).reversed());
        return out;
    }

    /**
     * Writes the run into {@code scratch/<id>/} and returns that folder; a run already there (opened before by the
     * same command, e.g. {@code compare latest latest~0}) is reused.
     */
    @Override
    public RunFolder open(RunId id, Path scratch) throws IOException {
        Path there = scratch.resolve(id.value());
        if (java.nio.file.Files.isDirectory(there)) {
            return new RunFolder(there, id);
        }
        return new RunExport(this).export(id, scratch);
    }

    /** Imports the run folder in one transaction; the unique run id refuses a second copy. */
    @Override
    public RunId publish(RunFolder run) throws IOException {
        return new RunImport(this).importRun(run);
    }

    /** Exports run {@code id} as a new folder under {@code resultsDir}, atomically; an existing folder is refused. */
    public RunFolder export(RunId id, Path resultsDir) throws IOException {
        return new RunExport(this).export(id, resultsDir);
    }

    /** Connections are per operation: nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "PgRunStore[" + url + "]";
    }

    static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
