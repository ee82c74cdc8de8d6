package dev.oktyv.probes.security.file;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Extracts, with small limits (100 entries, 8 MiB inflated), a zip that inflates past the total, one with too many
 * entries, and one of high compression ratio (about 1000:1) that stays under the total: the kind that fills a disk
 * in many small requests. Each must be refused, and nothing of it may stay behind.
 */
public final class ZipBombProbe implements SecurityProbe {

    /**
     * Seven entries of 1,000,000 zeros: each under the 1 MiB file limit, together under the 8 MiB total, at a ratio
     * (about 1000:1) no honest archive reaches; zip-bomb guards commonly refuse above 100:1.
     */
    static final int RATIO_BOMB_ENTRIES = 7;
    static final long RATIO_BOMB_ENTRY_BYTES = 1_000_000;

    @Override
    public String id() {
        return "file.zip-bomb";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.FILE;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "Zip bombs (total size, entry count, compression ratio) are refused with nothing left behind";
    }

    @Override
    public String fix() {
        return "Count bytes actually inflated against a total and a ratio limit, count entries, and extract into a "
                + "staging directory that is deleted on refusal";
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
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // Incompressible, each entry under the file limit: only the total limit can stop it.
        bomb(engine, arena, "total: 12 entries of 900,000 random bytes, total limit 8 MiB", Zips.random(12, 900_000),
                evidence, failures);
        bomb(engine, arena, "entries: " + (limits.maxZipEntries() + 50) + " entries, limit " + limits.maxZipEntries(),
                Zips.many(limits.maxZipEntries() + 50), evidence, failures);
        byte[] ratio = Zips.zeros("dense.bin", RATIO_BOMB_ENTRIES, RATIO_BOMB_ENTRY_BYTES);
        long inflated = RATIO_BOMB_ENTRIES * RATIO_BOMB_ENTRY_BYTES;
        bomb(engine, arena, "ratio: " + inflated + " bytes in " + RATIO_BOMB_ENTRIES + " entries from " + ratio.length
                + " bytes (" + inflated / ratio.length + ":1), under the file and total limits", ratio, evidence,
                failures);
        String action = "extracted three zip bombs through " + files.get().description() + " with limits "
                + limits.maxZipEntries() + " entries, " + (limits.maxZipTotalBytes() >> 20) + " MiB";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static void bomb(FileEngine engine, Arena arena, String what, byte[] zip, List<String> evidence,
                             List<String> failures) throws IOException {
        String name = "bomb-" + Integer.toHexString(what.hashCode()) + ".zip";
        Files.write(arena.root.resolve(name), zip);
        long before = bytesUnder(arena.root);
        String dest = "dest-" + Integer.toHexString(what.hashCode());
        try {
            int entries = engine.extract(name, dest);
            failures.add(what + ": extracted (" + entries + " entries, " + (bytesUnder(arena.root) - before)
                    + " bytes written)");
        } catch (RuntimeException e) {
            long left = bytesUnder(arena.root) - before;
            if (left > 0) {
                failures.add(what + ": refused, but " + left + " bytes were left behind");
            } else {
                evidence.add(what + ": refused, nothing left behind (" + e.getClass().getSimpleName() + ")");
            }
        }
        Files.deleteIfExists(arena.root.resolve(name));
    }

    private static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
