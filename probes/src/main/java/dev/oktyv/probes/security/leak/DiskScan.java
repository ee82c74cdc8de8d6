package dev.oktyv.probes.security.leak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every regular file under a directory, searched for known secrets in all {@link SecretEncodings}. A hit names the
 * file, the secret's label and the encoding, never the value, so the result goes into evidence as it is.
 *
 * @param files  how many files were read
 * @param bytes  how many bytes they held together
 * @param leaks  one line per hit: {@code <relative file>: <label> found as <encoding>}
 */
public record DiskScan(int files, long bytes, List<String> leaks) {

    public DiskScan {
        leaks = List.copyOf(leaks);
    }

    /** @param secrets label (e.g. "secret #1", "the passphrase") to the value searched for */
    public static DiskScan of(Path root, Map<String, String> secrets) throws IOException {
        Map<String, SecretEncodings> needles = new LinkedHashMap<>();
        secrets.forEach((label, value) -> needles.put(label, SecretEncodings.of(value)));
        List<String> leaks = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                byte[] content = Files.readAllBytes(f);
                files++;
                bytes += content.length;
                needles.forEach((label, encodings) -> {
                    for (String encoding : encodings.find(content)) {
                        leaks.add(root.relativize(f) + ": " + label + " found as " + encoding);
                    }
                });
            }
        }
        return new DiskScan(files, bytes, leaks);
    }

    /** One evidence line: what was scanned. */
    public String summary() {
        return "scanned " + files + " files, " + bytes + " bytes, in 7 encodings";
    }
}
