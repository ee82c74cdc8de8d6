package dev.oktyv.bench.store;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFilter;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStore;
import dev.oktyv.results.StoredRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How the reading commands ({@code history}, {@code compare}, {@code report}, {@code results}) see a store through
 * {@link RunStore}: the runs they need are opened into a scratch results root, and the commands' own code reads
 * that root exactly as it reads {@code results/}, so both stores give the same answer. The filesystem store's
 * folders are linked, not copied; a database store's are exported.
 */
public final class RunReads {

    private RunReads() {
    }

    /** {@code runs} opened under {@code scratch}, which then is a results root holding just them. */
    public static Path materialize(RunStore store, List<StoredRun> runs, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        for (StoredRun r : runs) {
            place(store.open(r.id(), scratch), scratch);
        }
        return scratch;
    }

    /**
     * A run reference ({@code latest~N} under the filter, or a run id) opened under {@code scratch}.
     *
     * @throws UsageException naming {@code what} when the store has no such run
     */
    public static RunFolder resolve(RunStore store, String reference, RunFilter filter, Path scratch, String what)
            throws IOException {
        try {
            return place(store.open(store.resolve(reference, filter), scratch), scratch);
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + " " + e.getMessage(), e);
        }
    }

    /** A folder outside {@code scratch} (the filesystem store's own) gets a link there, or a copy where links fail. */
    private static RunFolder place(RunFolder f, Path scratch) throws IOException {
        Path there = scratch.resolve(f.id().value());
        if (f.path().toAbsolutePath().normalize().equals(there.toAbsolutePath().normalize()) || Files.exists(there)) {
            return new RunFolder(there, f.id());
        }
        try {
            Files.createSymbolicLink(there, f.path().toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            new ResultsStore(scratch).publish(f);
        }
        return new RunFolder(there, f.id());
    }
}
