package dev.oktyv.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the measured code came from. Outside a git checkout (or without a git binary) the commit
 * is {@code unknown}: a run is still worth keeping, it just cannot be placed on a commit axis.
 */
public record GitInfo(String commit, String branch, boolean dirty) {

    public static final String UNKNOWN = "unknown";

    public GitInfo {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(branch, "branch");
    }

    public static GitInfo unknown() {
        return new GitInfo(UNKNOWN, UNKNOWN, false);
    }

    public boolean known() {
        return !UNKNOWN.equals(commit);
    }

    /** First 10 hex digits of the commit, or {@code unknown}. */
    public String shortCommit() {
        return known() ? commit.substring(0, Math.min(10, commit.length())) : UNKNOWN;
    }

    /** Reads the commit, branch and dirty flag of the checkout that contains {@code dir}. */
    public static GitInfo detect(Path dir) {
        Optional<String> sha = git(dir, "rev-parse", "HEAD");
        if (sha.isEmpty() || !sha.get().matches("[0-9a-f]{40}")) {
            return unknown();
        }
        String branch = git(dir, "rev-parse", "--abbrev-ref", "HEAD").orElse(UNKNOWN);
        // Untracked files count as dirty: an uncommitted new benchmark changes what was measured.
        boolean dirty = git(dir, "status", "--porcelain").map(s -> !s.isBlank()).orElse(false);
        return new GitInfo(sha.get(), branch, dirty);
    }

    private static Optional<String> git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toAbsolutePath().toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            p.getErrorStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
