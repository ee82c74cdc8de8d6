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

/** The results root ({@code results/} by default): a directory of run folders, never overwritten. */
public final class ResultsStore {

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
