package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.filestore.OpenedStore;
import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.files.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * File read/write (seed: 30 concurrent): every other operation reads one of {@value #SEEDED} seeded 4 KiB files and
 * checks its bytes, the others atomically write a 4 KiB file into the worker's own directory, all through the File
 * engine's {@code FileStore} with its defaults: by default the local {@code ConfinedFileStore} (path guard, atomic
 * rename, fsync) in a temp directory that closing deletes; with {@code load --backend s3} the {@code S3FileStore} on
 * the given bucket and prefix, where closing deletes every object the run wrote.
 */
public final class FileReadWriteScenario implements Scenario {

    public static final String ID = "files";
    static final int SEEDED = 64;
    static final int FILE_BYTES = 4096;
    /** Files each worker rewrites in turn: enough that renames do not always hit the same directory entry. */
    private static final int WRITTEN_PER_WORKER = 8;

    private final Path scratchParent;
    private final FileLocation location;

    public FileReadWriteScenario() {
        this(null, FileLocation.localDefault());
    }

    /** @param location the backend ({@code load --backend}, {@code --files}) */
    public FileReadWriteScenario(FileLocation location) {
        this(null, location);
    }

    /** @param scratchParent where the temp directory goes (tests check it is gone afterwards); null = system temp */
    FileReadWriteScenario(Path scratchParent) {
        this(scratchParent, FileLocation.localDefault());
    }

    FileReadWriteScenario(Path scratchParent, FileLocation location) {
        this.scratchParent = scratchParent;
        this.location = location;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "50/50 read (verified) and atomic write of " + FILE_BYTES + "-byte files, backend "
                + location.backend().wireName() + (location instanceof FileLocation.Local l && l.dir().isEmpty()
                ? " (ConfinedFileStore, temp root)" : "");
    }

    @Override
    public int defaultConcurrency() {
        return 30;
    }

    @Override
    public Target open() throws IOException {
        ScratchDirectory scratch = ScratchDirectory.create(scratchParent, "oktyv-load-files-");
        OpenedStore opened = null;
        FileStore store;
        byte[][] expected = new byte[SEEDED][];
        // Every path written, so closing removes them from a bucket or a user's directory too.
        Set<String> written = ConcurrentHashMap.newKeySet();
        try {
            opened = location.open(scratch.path().resolve("store"));
            store = opened.store();
            for (int i = 0; i < SEEDED; i++) {
                expected[i] = content(i);
                written.add(seededPath(i));
                store.write(seededPath(i), expected[i]);
            }
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            scratch.close();
            throw e;
        }
        OpenedStore toClose = opened;
        return new Target() {
            private final AtomicInteger workers = new AtomicInteger();

            @Override
            public Session newSession() {
                int worker = workers.incrementAndGet();
                byte[] payload = content(SEEDED + worker);
                return new Session() {
                    private long n;

                    @Override
                    public Outcome execute() {
                        long i = n++;
                        if (i % 2 == 0) {
                            int file = (int) ((i / 2 + worker) % SEEDED);
                            return Arrays.equals(store.read(seededPath(file)), expected[file]) ? Outcome.OK
                                    : WrongResult.of("file bytes differ");
                        }
                        String path = "w" + worker + "/" + (i / 2) % WRITTEN_PER_WORKER + ".bin";
                        if (i < 2L * WRITTEN_PER_WORKER) {
                            written.add(path); // the first round names every path this worker writes
                        }
                        store.write(path, payload);
                        return Outcome.OK;
                    }
                };
            }

            @Override
            public void close() throws IOException {
                try (scratch; toClose) {
                    for (String p : written) {
                        store.delete(p);
                    }
                }
            }
        };
    }

    private static String seededPath(int i) {
        return "seed/" + i + ".bin";
    }

    /** Distinct, reproducible bytes per file, so a read of the wrong file is caught. */
    static byte[] content(int i) {
        byte[] b = new byte[FILE_BYTES];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (i * 31 + k);
        }
        return b;
    }
}
