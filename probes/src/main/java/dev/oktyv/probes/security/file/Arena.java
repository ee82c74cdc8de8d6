package dev.oktyv.probes.security.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ground the file probes attack: {@code <base>/root} is the store's root, {@code <base>/outside} holds a
 * sentinel file (random content) and a zip of it. The arena can tell whether anything outside the root changed and
 * whether the sentinel's content turned up inside the root, and puts both back.
 */
final class Arena {

    private static final SecureRandom RANDOM = new SecureRandom();

    final Path base;
    final Path root;
    final Path outside;
    final Path sentinel;
    final byte[] sentinelContent;
    private Map<String, String> outsideBefore;
    private byte[] outsideZip;

    private Arena(Path base) {
        this.base = base;
        this.root = base.resolve("root");
        this.outside = base.resolve("outside");
        this.sentinel = outside.resolve("sentinel.txt");
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        // A random length too, so that a stat that reports the sentinel's size cannot match by chance.
        this.sentinelContent = ("OKTYV-SENTINEL-" + HexFormat.of().formatHex(b) + "-".repeat(RANDOM.nextInt(50) + 1))
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Arena create(Path scratch, String probeId) throws IOException {
        Files.createDirectories(scratch);
        Arena a = new Arena(Files.createTempDirectory(scratch, probeId.replace('.', '-') + "-"));
        Files.createDirectories(a.outside);
        a.writeOutside();
        a.outsideBefore = a.snapshot(a.outside);
        return a;
    }

    private void writeOutside() throws IOException {
        Files.write(sentinel, sentinelContent);
        if (outsideZip == null) {
            // Built once: a zip carries entry times, and a rebuilt one would differ from the snapshot.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("copied.txt"));
                zip.write(sentinelContent);
                zip.closeEntry();
            }
            outsideZip = bytes.toByteArray();
        }
        Files.write(outside.resolve("out.zip"), outsideZip);
    }

    /** What changed outside the root since the arena was made; empty when nothing did. */
    List<String> outsideChanges() throws IOException {
        Map<String, String> now = snapshot(outside);
        List<String> changes = new ArrayList<>();
        for (var e : outsideBefore.entrySet()) {
            String after = now.get(e.getKey());
            if (after == null) {
                changes.add("outside/" + e.getKey() + " was removed");
            } else if (!after.equals(e.getValue())) {
                changes.add("outside/" + e.getKey() + " was changed");
            }
        }
        for (String k : now.keySet()) {
            if (!outsideBefore.containsKey(k)) {
                changes.add("outside/" + k + " was created");
            }
        }
        try (Stream<Path> siblings = Files.list(base)) {
            siblings.filter(p -> !p.equals(root) && !p.equals(outside))
                    .forEach(p -> changes.add(base.relativize(p) + " was created next to the root"));
        }
        return changes;
    }

    /** Files under the root whose content (or, for a zip, an entry's content) holds the sentinel. */
    List<String> sentinelInsideRoot() throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : (Iterable<Path>) all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
                byte[] content = Files.readAllBytes(f);
                if (contains(content, sentinelContent) || zipHoldsSentinel(content)) {
                    found.add("root/" + root.relativize(f) + " holds the sentinel's content");
                }
            }
        }
        return found;
    }

    boolean isSentinel(byte[] data) {
        return data != null && contains(data, sentinelContent);
    }

    /** Puts the outside back as it was. */
    void restoreOutside() throws IOException {
        deleteTree(outside);
        try (Stream<Path> siblings = Files.list(base)) {
            for (Path p : (Iterable<Path>) siblings.filter(p -> !p.equals(root) && !p.equals(outside))::iterator) {
                deleteTree(p);
            }
        }
        Files.createDirectories(outside);
        writeOutside();
    }

    private boolean zipHoldsSentinel(byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(content))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (contains(readBounded(zip, 1 << 20), sentinelContent)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static byte[] readBounded(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; out.size() < max && (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "file:" + java.util.Arrays.hashCode(Files.readAllBytes(p))
                            + ":" + Files.size(p));
                } else {
                    out.put(rel, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "other");
                }
            }
        }
        return out;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
