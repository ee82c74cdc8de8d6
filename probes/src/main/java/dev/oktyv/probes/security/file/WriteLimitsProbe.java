package dev.oktyv.probes.security.file;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Size limits and permissions: writes and copies one byte over the configured maximum (from an array, from a stream
 * of unannounced length, over an existing file) must be refused with no partial or temp file left and the old
 * content intact; new files must be 0600 and new directories 0700.
 */
public final class WriteLimitsProbe implements SecurityProbe {

    @Override
    public String id() {
        return "file.write-limits";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.FILE;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String title() {
        return "Oversized writes are refused with no partial file left; new files are 0600, directories 0700";
    }

    @Override
    public String fix() {
        return "Write to a 0600 temp file, count bytes against the limit while copying, delete the temp file on "
                + "refusal and rename it into place only when complete";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<FileTarget> files = target.get(FileTarget.class);
        if (files.isEmpty()) {
            return ProbeOutcome.notRun("no file target configured");
        }
        Arena arena = Arena.create(target.scratchDir(), id());
        FileLimits limits = FileLimits.small();
        FileEngine engine = files.get().open(arena.root, limits);
        long over = limits.maxFileSizeBytes() + 1;
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();

        engine.write("existing.txt", "old content".getBytes());
        Files.write(arena.root.resolve("big-source.bin"), new byte[(int) over]);
        Set<String> before = names(arena.root);
        refused("write(bytes) of " + over + " bytes", () -> engine.write("big-array.bin", new byte[(int) over]),
                arena, before, evidence, failures);
        refused("write(stream) of " + over + " bytes", () -> engine.write("big-stream.bin", zeros(over)),
                arena, before, evidence, failures);
        refused("write(stream) of " + over + " bytes over an existing file", () -> engine.write("existing.txt",
                zeros(over)), arena, before, evidence, failures);
        refused("copy of a " + over + "-byte file", () -> engine.copy("big-source.bin", "big-copy.bin"),
                arena, before, evidence, failures);
        String existing = Files.readString(arena.root.resolve("existing.txt"));
        if (!existing.equals("old content")) {
            failures.add("existing.txt lost its old content after a refused overwrite (" + existing.length()
                    + " characters now)");
        }

        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            engine.write("fresh/dir/new.txt", "new".getBytes());
            String file = mode(arena.root.resolve("fresh/dir/new.txt"));
            String dir = mode(arena.root.resolve("fresh/dir"));
            String top = mode(arena.root.resolve("fresh"));
            if (!file.equals("rw-------") || !dir.equals("rwx------") || !top.equals("rwx------")) {
                failures.add("new file " + file + ", new directories " + top + " and " + dir
                        + " (expected rw------- and rwx------)");
            } else {
                evidence.add("new file rw-------, new directories rwx------");
            }
        } else {
            evidence.add("permissions not checked: no POSIX permissions on this file system");
        }
        String action = "wrote and copied " + over + " bytes (limit " + limits.maxFileSizeBytes() + ") through "
                + files.get().description() + " four ways, then created a file in new directories";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static void refused(String what, Runnable write, Arena arena, Set<String> before, List<String> evidence,
                                List<String> failures) throws IOException {
        try {
            write.run();
            failures.add(what + ": accepted");
            return;
        } catch (RuntimeException expected) {
            // the limit held; now look for leftovers
        }
        Set<String> left = names(arena.root);
        left.removeAll(before);
        if (left.isEmpty()) {
            evidence.add(what + ": refused, nothing left behind");
        } else {
            failures.add(what + ": refused, but left " + left);
        }
    }

    /** Every name under the root, hidden temp files included. */
    private static Set<String> names(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** A stream of {@code n} zeros whose length is not announced (available() says 0). */
    private static InputStream zeros(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        };
    }
}
