package dev.oktyv.profiles.capture;

import dev.oktyv.results.profile.ProfileManifest;

import dev.oktyv.results.profile.ProfileArtifacts;

import dev.oktyv.profiles.flame.CollapsedConverter;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.flame.FlameGraphConverter;
import dev.oktyv.profiles.flame.JfrStackReader;
import dev.oktyv.profiles.flame.StackFilter;
import dev.oktyv.profiles.flame.StackProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Turns one async-profiler JFR file into the per-event artifacts of {@link ProfileArtifacts}. */
final class ArtifactRenderer {

    private ArtifactRenderer() {
    }

    static List<ProfileManifest.EventSamples> render(Path asyncJfr, Set<EventKind> events, Path dir, String workloadId,
            int fork, List<String> files, Consumer<String> warn) throws IOException {
        List<ProfileManifest.EventSamples> out = new ArrayList<>();
        if (!Files.exists(asyncJfr)) {
            warn.accept("async-profiler wrote no recording (" + asyncJfr.getFileName() + ")");
            return out;
        }
        for (EventKind e : events) {
            Path jfr = dir.resolve(ProfileArtifacts.asyncJfr(e, fork));
            if (!jfr.equals(asyncJfr)) {
                link(asyncJfr, jfr);
            }
            files.add(jfr.getFileName().toString());
            StackProfile p = JfrStackReader.read(asyncJfr, e, false, warn);
            out.add(new ProfileManifest.EventSamples(e, p.totalWeight()));
            if (p.isEmpty()) {
                warn.accept("no " + e.id() + " samples were recorded; no " + e.id() + " flame graph written");
                continue;
            }
            String title = e.id() + " profile of " + workloadId + " (fork " + fork + ")";
            new CollapsedConverter().writeTo(p, dir.resolve(ProfileArtifacts.collapsed(e, fork)));
            new FlameGraphConverter(title).writeTo(p, dir.resolve(ProfileArtifacts.html(e, fork)));
            new FlameGraphConverter(title + ", reversed: callers of the hot frames")
                    .writeTo(p.filtered(StackFilter.NONE.reversed(true)), dir.resolve(ProfileArtifacts.reverseHtml(e, fork)));
            files.add(ProfileArtifacts.collapsed(e, fork));
            files.add(ProfileArtifacts.html(e, fork));
            files.add(ProfileArtifacts.reverseHtml(e, fork));
        }
        return out;
    }

    /**
     * async-profiler records all events of a fork into one JFR file; each {@code <event>-f<n>.jfr} name of the
     * contract points at it through a hard link (a copy where links are not supported), so the recording is
     * stored once.
     */
    private static void link(Path existing, Path name) throws IOException {
        Files.deleteIfExists(name);
        try {
            Files.createLink(name, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, name, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
