package dev.oktyv.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where finished runs are kept and found: the filesystem's {@code results/} ({@link ResultsStore}, the default) or a
 * shared store (PostgreSQL, module {@code results-store-pg}, found through {@link RunStoreProvider}). Both answer
 * the same questions the same way, so {@code history}, {@code compare}, {@code report} and {@code results} do not
 * know which one they read.
 */
public interface RunStore extends AutoCloseable {

    /** Where the store is, for messages: a directory or a URL without credentials. */
    String location();

    /** The runs with a readable {@code run.json} that {@code filter} keeps, newest first ({@link RunId} order). */
    List<StoredRun> list(RunFilter filter) throws IOException;

    /**
     * A run folder to read {@code id} from. The filesystem store hands out the folder itself; a database store
     * writes the run into {@code scratch} first (small files from the store, large artifacts from their URI,
     * checked against their SHA-256).
     *
     * @throws IllegalArgumentException the store has no run {@code id}
     */
    RunFolder open(RunId id, Path scratch) throws IOException;

    /**
     * Adds a finished run folder to the store and returns its id there.
     *
     * @throws RunAlreadyStoredException a run with that id is in the store already: nothing was changed
     */
    RunId publish(RunFolder run) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * {@code latest}, {@code latest~N} (the newest complete run the filter keeps, or the N-th before it) or a run id
     * in the store.
     *
     * @throws IllegalArgumentException the reference is neither, or names no run in the store
     */
    default RunId resolve(String reference, RunFilter filter) throws IOException {
        Matcher latest = Latest.PATTERN.matcher(reference == null ? "" : reference);
        if (latest.matches()) {
            int back = latest.group(1) == null ? 0 : Integer.parseInt(latest.group(1));
            List<StoredRun> complete = list(filter.withStatus(RunStatus.COMPLETE));
            if (back >= complete.size()) {
                String f = filter.describe();
                throw new IllegalArgumentException("'" + reference + "': the store " + location() + " has only "
                        + complete.size() + " complete run(s)" + (f.isEmpty() ? "" : " with " + f));
            }
            return complete.get(back).id();
        }
        if (RunId.isRunId(reference)) {
            RunId id = new RunId(reference);
            if (list(RunFilter.ALL).stream().anyMatch(r -> r.id().equals(id))) {
                return id;
            }
            throw new IllegalArgumentException("no run '" + reference + "' in the store " + location());
        }
        throw new IllegalArgumentException("'" + reference + "' is not a run id, latest or latest~N");
    }

    /** Whether {@code reference} is one {@link #resolve} understands without looking at the store. */
    static boolean isStoreReference(String reference) {
        return reference != null && (RunId.isRunId(reference)
                || Latest.PATTERN.matcher(reference).matches());
    }

    /** Holder: interfaces cannot have private constants. */
    final class Latest {
        static final Pattern PATTERN = Pattern.compile("latest(?:~(\\d{1,6}))?");

        private Latest() {
        }
    }
}
