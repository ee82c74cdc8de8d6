package dev.oktyv.results.store.pg;

import dev.oktyv.results.HostClass;
import dev.oktyv.results.RunAlreadyStoredException;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunFolderContents;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunMetadataJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * One run folder into the store, in one transaction: a crash or a refused duplicate leaves nothing behind. The run
 * id's unique constraint decides between concurrent writers of the same id; the loser gets
 * {@link RunAlreadyStoredException}, never a merged or half-written run.
 */
final class RunImport {

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final PgRunStore store;

    RunImport(PgRunStore store) {
        this.store = store;
    }

    dev.oktyv.results.RunId importRun(RunFolder run) throws IOException {
        if (!Files.isRegularFile(run.runJson())) {
            throw new IllegalArgumentException(run.path() + " is not a run folder: it has no " + RunFolder.RUN_JSON);
        }
        RunMetadata m;
        try {
            m = run.readMetadata();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(run.runJson() + ": " + e.getMessage(), e);
        }
        if (!m.id().equals(run.id())) {
            throw new IllegalArgumentException(run.runJson() + " names run " + m.id() + " but its folder is " + run.id());
        }
        List<RunFolderContents.Entry> entries = RunFolderContents.list(run);
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                long pk = insertRun(c, m);
                for (RunFolderContents.Entry e : entries) {
                    if (e.artifact()) {
                        insertArtifact(c, pk, e);
                    } else {
                        byte[] content = Files.readAllBytes(e.file());
                        insertFile(c, pk, e.relative(), content);
                        RunRows.insert(c, pk, e.relative(), new String(content, StandardCharsets.UTF_8));
                    }
                }
                c.commit();
                return m.id();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                        && String.valueOf(sql.getMessage()).contains("runs_run_id_unique")) {
                    throw new RunAlreadyStoredException(m.id(), store.location());
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("cannot store run " + m.id() + " in " + store.location() + ": "
                    + PgRunStore.firstLine(e.getMessage()), e);
        }
    }

    private static long insertRun(Connection c, RunMetadata m) throws SQLException {
        String sql = "INSERT INTO runs (run_id, format_version, suite_version, commit_sha, branch, dirty, hostname,"
                + " host_class, os, arch, cpu_model, cores, memory_bytes, jvm_vendor, jvm_version, jvm_major, status,"
                + " started_at, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING pk";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            st.setString(i++, m.id().value());
            st.setInt(i++, m.formatVersion());
            st.setString(i++, m.suiteVersion());
            st.setString(i++, m.git().commit());
            st.setString(i++, m.git().branch());
            st.setBoolean(i++, m.git().dirty());
            st.setString(i++, m.host().hostname().orElse(null));
            st.setString(i++, HostClass.of(m));
            st.setString(i++, m.host().os());
            st.setString(i++, m.host().arch());
            st.setString(i++, m.host().cpuModel().orElse(null));
            if (m.host().cores() > 0) {
                st.setInt(i++, m.host().cores());
            } else {
                st.setNull(i++, Types.INTEGER);
            }
            if (m.host().memoryBytes().isPresent()) {
                st.setLong(i++, m.host().memoryBytes().getAsLong());
            } else {
                st.setNull(i++, Types.BIGINT);
            }
            st.setString(i++, m.jvm().vendor());
            st.setString(i++, m.jvm().version());
            st.setString(i++, HostClass.jvmMajor(m.jvm().version()));
            st.setString(i++, m.status().wireName());
            st.setTimestamp(i++, Timestamp.from(m.startedAt()));
            st.setTimestamp(i++, m.endedAt().map(Timestamp::from).orElse(null));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertFile(Connection c, long pk, String path, byte[] content) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO run_files (run_pk, path, content, sha256) VALUES (?,?,?,?)")) {
            st.setLong(1, pk);
            st.setString(2, path);
            st.setBytes(3, content);
            st.setString(4, RunFolderContents.sha256(content));
            st.executeUpdate();
        }
    }

    /** The artifact stays where it is; the store records where (a file URI) and what (SHA-256, size). */
    private static void insertArtifact(Connection c, long pk, RunFolderContents.Entry e) throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO run_artifacts (run_pk, path, uri, sha256, size_bytes) VALUES (?,?,?,?,?)")) {
            st.setLong(1, pk);
            st.setString(2, e.relative());
            st.setString(3, e.file().toAbsolutePath().normalize().toUri().toString());
            st.setString(4, RunFolderContents.sha256(e.file()));
            st.setLong(5, e.sizeBytes());
            st.executeUpdate();
        }
    }
}
