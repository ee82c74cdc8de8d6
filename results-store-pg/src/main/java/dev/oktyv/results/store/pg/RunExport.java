package dev.oktyv.results.store.pg;

import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunFolderContents;
import dev.oktyv.results.RunId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One run out of the store as a run folder: small files byte for byte, artifacts copied from their URI and checked
 * against the SHA-256 recorded on import. The folder is assembled under a hidden temporary name beside the target
 * and renamed into place, so a reader never sees half a run, and an existing folder is never written over.
 */
final class RunExport {

    private final PgRunStore store;

    RunExport(PgRunStore store) {
        this.store = store;
    }

    RunFolder export(RunId id, Path resultsDir) throws IOException {
        Path target = resultsDir.resolve(id.value());
        if (Files.exists(target)) {
            throw new IllegalArgumentException("run folder " + target + " exists already: export never writes over a run");
        }
        Files.createDirectories(resultsDir);
        Path tmp = Files.createTempDirectory(resultsDir, "." + id.value() + ".export-");
        try {
            try (Connection c = store.connect()) {
                c.setAutoCommit(false);
                // One snapshot for the run row, its files and its artifacts.
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                long pk = runPk(c, id);
                writeFiles(c, pk, tmp);
                copyArtifacts(c, pk, tmp);
                c.commit();
            } catch (SQLException e) {
                throw new IOException("cannot export run " + id + " from " + store.location() + ": "
                        + PgRunStore.firstLine(e.getMessage()), e);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException("run folder " + target + " appeared during the export: not written over", e);
            }
            return new RunFolder(target, id);
        } finally {
            DirectoryTree.delete(tmp);
        }
    }

    private long runPk(Connection c, RunId id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pk FROM runs WHERE run_id = ?")) {
            st.setString(1, id.value());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no run '" + id + "' in the store " + store.location());
                }
                return rs.getLong(1);
            }
        }
    }

    private static void writeFiles(Connection c, long pk, Path dir) throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement("SELECT path, content, sha256 FROM run_files WHERE run_pk = ? ORDER BY path")) {
            st.setLong(1, pk);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String path = rs.getString(1);
                    byte[] content = rs.getBytes(2);
                    if (!RunFolderContents.sha256(content).equals(rs.getString(3))) {
                        throw new IOException(path + ": its content in the store does not match its recorded SHA-256");
                    }
                    AtomicFiles.write(inside(dir, path), content);
                }
            }
        }
    }

    private static void copyArtifacts(Connection c, long pk, Path dir) throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement("SELECT path, uri, sha256 FROM run_artifacts WHERE run_pk = ? ORDER BY path")) {
            st.setLong(1, pk);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String path = rs.getString(1);
                    URI uri = URI.create(rs.getString(2));
                    if (!"file".equals(uri.getScheme())) {
                        throw new IOException("artifact " + path + " is at " + uri + ": only file URIs can be exported");
                    }
                    Path source = Path.of(uri);
                    if (!Files.isRegularFile(source)) {
                        throw new IOException("artifact " + path + " is missing: no file at " + uri);
                    }
                    Path out = inside(dir, path);
                    AtomicFiles.copy(source, out);
                    String found = RunFolderContents.sha256(out);
                    String expected = rs.getString(3);
                    if (!found.equals(expected)) {
                        throw new IOException("artifact " + path + " at " + uri + " has changed since it was stored:"
                                + " SHA-256 " + found + ", the store recorded " + expected);
                    }
                }
            }
        }
    }

    /** A stored path may not climb out of the run folder, whatever the table says. */
    private static Path inside(Path dir, String relative) throws IOException {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir.normalize()) || p.equals(dir.normalize())) {
            throw new IOException("stored path '" + relative + "' points outside the run folder");
        }
        return p;
    }
}
