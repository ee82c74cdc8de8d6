package dev.oktyv.probes.security.file;

import java.io.InputStream;
import java.util.List;

/**
 * The file engine's operations as the probes drive them; every path is relative to the store's root and may be
 * refused by throwing. A port rather than the concrete store, so a test can hand in a deliberately weakened one.
 */
public interface FileEngine {

    byte[] read(String path);

    void write(String path, byte[] data);

    long write(String path, InputStream data);

    long copy(String from, String to);

    void move(String from, String to);

    boolean delete(String path);

    /** Names in a directory. */
    List<String> list(String dir);

    /** Size of the file, from a stat. */
    long size(String path);

    boolean exists(String path);

    void mkdir(String path);

    /** Hex SHA-256 of the file. */
    String sha256(String path);

    int archive(String sourceDir, String zipPath);

    int extract(String zipPath, String destDir);
}
