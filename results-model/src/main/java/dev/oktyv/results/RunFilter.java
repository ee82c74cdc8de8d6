package dev.oktyv.results;

import java.util.Objects;
import java.util.Optional;

/**
 * Which runs a listing keeps: by branch, host class ({@link HostClass}) and status; an empty field keeps all.
 * {@code latest~N} counts only the runs a filter keeps, so {@code --branch main --host-class ci-large latest~1} is
 * the run before the newest complete run of main on that class of machine.
 */
public record RunFilter(Optional<String> branch, Optional<String> hostClass, Optional<RunStatus> status) {

    public static final RunFilter ALL = new RunFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public RunFilter {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(hostClass, "hostClass");
        Objects.requireNonNull(status, "status");
    }

    public RunFilter withStatus(RunStatus s) {
        return new RunFilter(branch, hostClass, Optional.of(s));
    }

    public boolean accepts(RunMetadata m) {
        return branch.map(b -> b.equals(m.git().branch())).orElse(true)
                && hostClass.map(c -> c.equals(HostClass.of(m))).orElse(true)
                && status.map(s -> s == m.status()).orElse(true);
    }

    /** How the filter reads in a message: {@code branch main, host class ci-large}; "" for none. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        branch.ifPresent(v -> b.append("branch ").append(v));
        hostClass.ifPresent(v -> b.append(b.length() > 0 ? ", " : "").append("host class ").append(v));
        status.ifPresent(v -> b.append(b.length() > 0 ? ", " : "").append("status ").append(v.wireName()));
        return b.toString();
    }
}
