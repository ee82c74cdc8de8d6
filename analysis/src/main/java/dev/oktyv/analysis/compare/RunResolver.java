package dev.oktyv.analysis.compare;

import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import dev.oktyv.results.RunMetadata;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a user typed for one side of a comparison into a run folder. Tried in this order:
 * <ol>
 *   <li>{@code latest} or {@code latest~N}: the newest complete run, or the N-th before it;</li>
 *   <li>a run id that exists in the store;</li>
 *   <li>a path to a run folder;</li>
 *   <li>a commit sha or prefix (4–40 hex digits): the newest complete run measured at that commit. A prefix that
 *       matches runs of two different commits is an error, not a guess.</li>
 * </ol>
 * Only {@code complete} runs count for {@code latest} and commits: an interrupted run is partial data.
 */
public final class RunResolver {

    private static final Pattern LATEST = Pattern.compile("latest(?:~(\\d+))?");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");

    private final ResultsStore store;

    public RunResolver(ResultsStore store) {
        this.store = store;
    }

    public RunFolder resolve(String spec) throws IOException {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty run reference; give a run id, a path, a commit, latest or latest~N");
        }
        Matcher latest = LATEST.matcher(spec);
        if (latest.matches()) {
            int back = latest.group(1) == null ? 0 : Integer.parseInt(latest.group(1));
            List<RunFolder> complete = completeRuns();
            if (back >= complete.size()) {
                throw new IllegalArgumentException("'" + spec + "': the store " + store.root() + " has only "
                        + complete.size() + " complete run(s)");
            }
            return complete.get(back);
        }
        if (RunId.isRunId(spec) && Files.isDirectory(store.root().resolve(spec))) {
            return RunFolder.open(store.root().resolve(spec));
        }
        Path p = Path.of(spec);
        if (Files.isDirectory(p)) {
            Path name = p.toAbsolutePath().normalize().getFileName();
            if (name == null || !RunId.isRunId(name.toString())) {
                throw new IllegalArgumentException("'" + spec + "' is a directory but not a run folder"
                        + " (its name must look like 20261128T001500Z-<sha>)");
            }
            return RunFolder.open(p);
        }
        if (HEX.matcher(spec).matches()) {
            return byCommit(spec.toLowerCase(java.util.Locale.ROOT));
        }
        throw new IllegalArgumentException("'" + spec + "' is not a run id in " + store.root()
                + ", an existing run folder, a commit, latest or latest~N");
    }

    private RunFolder byCommit(String prefix) throws IOException {
        Set<String> commits = new LinkedHashSet<>();
        RunFolder newest = null;
        for (RunFolder f : completeRuns()) {
            String commit = commitOf(f);
            if (commit.startsWith(prefix)) {
                commits.add(commit);
                if (newest == null) {
                    newest = f;
                }
            }
        }
        if (commits.size() > 1) {
            throw new IllegalArgumentException("commit prefix '" + prefix + "' is ambiguous: " + commits);
        }
        if (newest == null) {
            throw new IllegalArgumentException("no complete run at commit '" + prefix + "' in " + store.root());
        }
        return newest;
    }

    /** Complete runs, newest first (the store's order). */
    public List<RunFolder> completeRuns() throws IOException {
        return completeRuns(w -> {
        });
    }

    /** Complete runs, newest first; {@code warnings} hears of each folder whose run.json is missing or damaged. */
    public List<RunFolder> completeRuns(java.util.function.Consumer<String> warnings) throws IOException {
        List<RunFolder> out = new ArrayList<>();
        for (RunFolder f : store.list()) {
            if (!Files.isRegularFile(f.runJson())) {
                warnings.accept("skipped run " + f.id() + ": no " + RunFolder.RUN_JSON);
                continue;
            }
            RunMetadata m;
            try {
                m = f.readMetadata();
            } catch (IOException | RuntimeException e) {
                warnings.accept("skipped run " + f.id() + ": " + e.getMessage());
                continue;
            }
            if (m.status() == RunStatus.COMPLETE) {
                out.add(f);
            }
        }
        return out;
    }

    private static String commitOf(RunFolder f) {
        return metadata(f).map(m -> m.git().commit()).orElse(f.id().shortCommit());
    }

    private static Optional<RunMetadata> metadata(RunFolder f) {
        try {
            return Files.isRegularFile(f.runJson()) ? Optional.of(f.readMetadata()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
