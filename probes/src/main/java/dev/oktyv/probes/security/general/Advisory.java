package dev.oktyv.probes.security.general;

import java.util.List;
import java.util.Objects;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * One OSV advisory, reduced to what matching needs.
 *
 * @param severity the advisory's own rating ({@code CRITICAL}, {@code HIGH}, {@code MODERATE}, {@code LOW}), or
 *                 {@code UNKNOWN} when it has none
 */
public record Advisory(String id, List<String> aliases, String summary, String severity, List<Affected> affected) {

    public Advisory {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
    }

    /** One affected package: explicit versions and/or ECOSYSTEM ranges. */
    public record Affected(String packageName, List<String> versions, List<List<Event>> ranges) {
        public Affected {
            versions = List.copyOf(versions);
            ranges = ranges.stream().map(List::copyOf).toList();
        }
    }

    /** An OSV range event: exactly one of introduced, fixed or last_affected. */
    public record Event(Kind kind, String version) {
        public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED }
    }

    public boolean affects(Component c) {
        for (Affected a : affected) {
            if (!a.packageName().equals(c.packageName())) {
                continue;
            }
            ComparableVersion v = new ComparableVersion(c.version());
            if (a.versions().stream().anyMatch(x -> new ComparableVersion(x).equals(v))) {
                return true;
            }
            for (List<Event> range : a.ranges()) {
                if (inRange(v, range)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * OSV's evaluation for an ECOSYSTEM range, with Maven's ordering: walking the events, an {@code introduced} at
     * or below the version opens the range and a {@code fixed} at or below it (or a {@code last_affected} below it)
     * closes it again. Events are in order of version within one range, as OSV requires.
     */
    static boolean inRange(ComparableVersion v, List<Event> events) {
        boolean affected = false;
        for (Event e : events) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (e.version().equals("0") || v.compareTo(new ComparableVersion(e.version())) >= 0) {
                        affected = true;
                    }
                }
                case FIXED -> {
                    if (v.compareTo(new ComparableVersion(e.version())) >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (v.compareTo(new ComparableVersion(e.version())) > 0) {
                        affected = false;
                    }
                }
            }
        }
        return affected;
    }
}
