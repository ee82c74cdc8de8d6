package dev.oktyv.results;

import dev.oktyv.results.load.LoadFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every file of a run folder, each either small (kept byte for byte by a shared store) or a large artifact (kept as
 * a file, referenced by URI and SHA-256): profiles, flame-graph diffs, latency logs, JFR recordings, and anything
 * over {@value #SMALL_LIMIT_BYTES} bytes.
 */
public final class RunFolderContents {

    public static final long SMALL_LIMIT_BYTES = 1L << 20;
    /** JDK Flight Recorder files, async-profiler's or the JDK's, wherever they are. */
    private static final String JFR_SUFFIX = ".jfr";

    private RunFolderContents() {
    }

    /**
     * One file. {@code relative} uses '/' whatever the platform, so a store written on one OS reads on another.
     */
    public record Entry(String relative, Path file, long sizeBytes, boolean artifact) {
    }

    /** The files under {@code run}, in path order; directories themselves are not entries. */
    public static List<Entry> list(RunFolder run) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(run.path())) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = run.path().relativize(f).toString().replace('\\', '/');
                long size = Files.size(f);
                out.add(new Entry(rel, f, size, isArtifact(rel, size)));
            }
        }
        return out;
    }

    public static boolean isArtifact(String relative, long sizeBytes) {
        String lower = relative.toLowerCase(Locale.ROOT);
        return sizeBytes > SMALL_LIMIT_BYTES
                || lower.startsWith(RunFolder.PROFILES_DIR + "/")
                || lower.startsWith(RunFolder.DIFF_DIR + "/")
                || lower.endsWith(LoadFolder.LATENCY_HLOG)
                || lower.endsWith(LoadFolder.LATENCY_HLOG + LoadFolder.PARTIAL_SUFFIX)
                || lower.endsWith(JFR_SUFFIX);
    }

    /** The lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
