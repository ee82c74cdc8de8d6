package dev.oktyv.profiles.capture;

import dev.oktyv.results.profile.EventKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code --profile cpu,alloc,lock,wall,jfr} asked for: a set of async-profiler events plus, independently,
 * a JDK Flight Recorder recording with {@code oktyv.jfc}. Immutable; {@link #parse} names a bad value.
 */
public record ProfileRequest(Set<EventKind> asyncEvents, boolean jfr) {

    /** Nothing to capture: what {@code run} and {@code load} use when {@code --profile} is absent. */
    public static final ProfileRequest NONE = new ProfileRequest(EnumSet.noneOf(EventKind.class), false);

    public ProfileRequest {
        asyncEvents = asyncEvents.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(EventKind.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(asyncEvents));
    }

    /**
     * Parses a comma-separated subset of {@code cpu,alloc,lock,wall,jfr} (case-insensitive, spaces allowed).
     *
     * @throws IllegalArgumentException empty list or an unknown item; the message names it
     */
    public static ProfileRequest parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--profile needs a comma-separated list of cpu, alloc, lock, wall, jfr"
                    + " (got an empty value)");
        }
        Set<EventKind> events = EnumSet.noneOf(EventKind.class);
        boolean jfr = false;
        for (String raw : spec.split(",", -1)) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.equals("jfr")) {
                jfr = true;
            } else if (item.isEmpty()) {
                throw new IllegalArgumentException("--profile '" + spec + "' has an empty item"
                        + " (expected a comma-separated subset of cpu, alloc, lock, wall, jfr)");
            } else {
                try {
                    events.add(EventKind.parse(item));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--profile: unknown profile '" + raw.trim()
                            + "' (expected a comma-separated subset of cpu, alloc, lock, wall, jfr)");
                }
            }
        }
        return new ProfileRequest(events, jfr);
    }

    public boolean isEmpty() {
        return asyncEvents.isEmpty() && !jfr;
    }

    /** The canonical spelling, e.g. {@code cpu,alloc,jfr}; {@link #parse} of it gives an equal request. */
    public String spec() {
        List<String> items = new ArrayList<>();
        asyncEvents.forEach(e -> items.add(e.id()));
        if (jfr) {
            items.add("jfr");
        }
        return String.join(",", items);
    }

    /** The same request with async-profiler events dropped and JFR on: the degraded mode of unsupported platforms. */
    ProfileRequest jfrOnly() {
        return new ProfileRequest(EnumSet.noneOf(EventKind.class), true);
    }
}
