package dev.oktyv.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The results root ({@code results/} by default): a directory of run folders, never overwritten. The default
 * {@link RunStore}.
 */
public final class ResultsStore implements RunStore {

    private static final int MAX_COLLISIONS = 1000;
    private final Path root;

    public ResultsStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    /**
     * Creates a fresh folder for {@code id}. {@link Files#createDirectory} fails if the folder exists, so
     * a concurrent or same-second run gets a {@code -N} suffix instead of sharing or replacing a folder.
     */
    public RunFolder create(RunId id) throws IOException {
        Files.createDirectories(root);
        RunId candidate = id;
        for (int n = 2; n <= MAX_COLLISIONS; n++) {
            try {
                Files.createDirectory(root.resolve(candidate.value()));
                return new RunFolder(root.resolve(candidate.value()), candidate);
            } catch (FileAlreadyExistsException e) {
                candidate = id.withSuffix(n);
            }
        }
        throw new IOException("more than " + MAX_COLLISIONS + " runs named " + id + " under " + root);
    }

    @Override
    public String location() {
        return root.toString();
    }

    /** Runs whose {@code run.json} is readable and kept by {@code filter}; a damaged one is left out, not fatal. */
    @Override
    public List<StoredRun> list(RunFilter filter) throws IOException {
        List<StoredRun> out = new ArrayList<>();
        for (RunFolder f : list()) {
            if (!Files.isRegularFile(f.runJson())) {
                continue;
            }
            RunMetadata m;
            try {
                m = f.readMetadata();
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (filter.accepts(m)) {
                out.add(new StoredRun(f.id(), m));
            }
        }
        return out;
    }

    /** The folder itself: nothing to copy. */
    @Override
    public RunFolder open(RunId id, Path scratch) {
        Path p = root.resolve(id.value());
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("no run '" + id + "' in the store " + root);
        }
        return new RunFolder(p, id);
    }

    /**
     * A folder already under this root is published as it is; any other is copied in under its own id, which must
     * be free: a copy under a suffixed id would disagree with its {@code run.json}.
     */
    @Override
    public RunId publish(RunFolder run) throws IOException {
        Path target = root.resolve(run.id().value());
        if (target.toAbsolutePath().normalize().equals(run.path().toAbsolutePath().normalize())) {
            return run.id();
        }
        Files.createDirectories(root);
        try {
            Files.createDirectory(target);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new RunAlreadyStoredException(run.id(), root.toString());
        }
        for (RunFolderContents.Entry e : RunFolderContents.list(run)) {
            AtomicFiles.copy(e.file(), target.resolve(e.relative()));
        }
        return run.id();
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    /** All run folders, newest first. Folders whose name is not a run id are ignored. */
    public List<RunFolder> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<RunFolder> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory)
                    .filter(p -> RunId.isRunId(p.getFileName().toString()))
                    .forEach(p -> out.add(new RunFolder(p, new RunId(p.getFileName().toString()))));
        }
        out.sort(Comparator.comparing(RunFolder::id).reversed());
        return out;
    }
}
