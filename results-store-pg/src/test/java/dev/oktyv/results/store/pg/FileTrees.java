package dev.oktyv.results.store.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copying and listing directory trees in tests (fixture run folders copied where a test may change them). One
 * copy in this test-jar, which the benchmarks module's tests depend on too, instead of one per test class.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /** Copies the tree under {@code from} into {@code to}, directories included; {@code from} may be in a jar. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                // By name, not resolve(Path): a path inside a jar belongs to another file system.
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** The regular files under {@code root}, relative to it, sorted. */
    public static List<String> relativeFiles(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).sorted().forEach(p -> out.add(root.relativize(p).toString()));
        }
        return out;
    }
}
