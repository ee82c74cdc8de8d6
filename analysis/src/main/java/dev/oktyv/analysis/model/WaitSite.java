package dev.oktyv.analysis.model;

import java.util.Objects;

/**
 * Where threads of one group waited: the kind of wait, what was waited on and the frame that waited.
 *
 * @param threadGroup see {@link ThreadGroups#of}
 * @param target      the monitor or parked-on class, {@code host:port}, a path, or "" when the source does not say
 *                    (a wall-clock sample names no socket)
 * @param frame       the application frame that waited (see {@link ThreadGroups}), e.g. {@code JdkHttpTransport.send}
 */
public record WaitSite(String threadGroup, WaitKind kind, String target, String frame) {

    public WaitSite {
        Objects.requireNonNull(threadGroup, "threadGroup");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(frame, "frame");
    }
}
