package dev.oktyv.bench.profile;

import dev.oktyv.profiles.flame.CollapsedStacks;
import dev.oktyv.profiles.flame.EventKind;
import dev.oktyv.profiles.flame.JfrChunks;
import dev.oktyv.profiles.flame.JfrStackReader;
import dev.oktyv.profiles.flame.ProfileInputException;
import dev.oktyv.profiles.flame.ProfileReader;
import dev.oktyv.profiles.flame.StackProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a profile argument: a file, or a workload profile folder whose forks are merged. */
final class ProfileInputs {

    private static final Pattern FORK_FILE = Pattern.compile("-f[0-9]+\\.collapsed");

    private ProfileInputs() {
    }

    static StackProfile read(Path in, EventKind kind, boolean threads, PrintWriter err) throws IOException {
        StackProfile p;
        if (Files.isDirectory(in)) {
            p = readFolder(in, kind);
        } else {
            p = ProfileReader.read(in, kind, threads);
        }
        if (p.incomplete()) {
            err.println("warning: " + in + ": " + p.note());
        }
        return p;
    }

    /** {@code <event>-f*.collapsed} of a profile folder, all forks summed. */
    private static StackProfile readFolder(Path dir, EventKind kind) throws IOException {
        List<Path> forks;
        try (Stream<Path> s = Files.list(dir)) {
            forks = s.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(kind.id()) && FORK_FILE.matcher(n.substring(kind.id().length())).matches();
            }).sorted().toList();
        }
        if (forks.isEmpty()) {
            throw new ProfileInputException("profile folder " + dir + " has no " + kind.id() + "-f<N>.collapsed file");
        }
        StackProfile.Builder b = StackProfile.builder(kind);
        for (Path f : forks) {
            CollapsedStacks.read(f, kind).stacks().forEach(b::add);
        }
        return b.build();
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
