package dev.oktyv.bench.profile;

import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.flame.JfrChunks;
import dev.oktyv.profiles.flame.JfrStackReader;
import dev.oktyv.profiles.flame.ProfileFolders;
import dev.oktyv.profiles.flame.ProfileReader;
import dev.oktyv.profiles.flame.StackProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a profile argument: a file, or a workload profile folder whose forks are merged. */
final class ProfileInputs {

    private ProfileInputs() {
    }

    static StackProfile read(Path in, EventKind kind, boolean threads, PrintWriter err) throws IOException {
        StackProfile p;
        if (Files.isDirectory(in)) {
            p = ProfileFolders.read(in, kind);
        } else {
            p = ProfileReader.read(in, kind, threads, w -> err.println("warning: " + w));
        }
        if (p.incomplete()) {
            err.println("warning: " + in + ": " + p.note());
        }
        return p;
    }

    static String emptyMessage(Path in, EventKind kind, boolean filtered) {
        String msg = in + " has no " + kind.id() + " samples" + (filtered ? " matching --include/--exclude" : "")
                + ": nothing written";
        try {
            if (!filtered && Files.isRegularFile(in) && JfrChunks.looksLikeJfr(in)) {
                Set<EventKind> present = JfrStackReader.kindsPresent(in);
                if (!present.isEmpty()) {
                    msg += " (it has " + present.stream().map(EventKind::id).collect(Collectors.joining(", "))
                            + " samples: try --event " + present.iterator().next().id() + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // the hint is optional; the main message stands
        }
        return msg;
    }
}
