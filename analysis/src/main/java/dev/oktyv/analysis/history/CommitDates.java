package dev.oktyv.analysis.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Commit dates, used to order runs along the history of the code rather than the order they were measured in. */
public interface CommitDates {

    Optional<Instant> of(String commitSha);

    static CommitDates none() {
        return sha -> Optional.empty();
    }

    /** Asks {@code git show -s --format=%cI <sha>} in {@code repo}; unknown commits (or no git) give empty. */
    static CommitDates git(Path repo) {
        Map<String, Optional<Instant>> cache = new HashMap<>();
        return sha -> cache.computeIfAbsent(sha, s -> lookUp(repo, s));
    }

    private static Optional<Instant> lookUp(Path repo, String sha) {
        if (!sha.matches("[0-9a-f]{7,40}")) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("git", "show", "-s", "--format=%cI", sha).directory(repo.toFile()).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            p.getErrorStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(OffsetDateTime.parse(out).toInstant()) : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
