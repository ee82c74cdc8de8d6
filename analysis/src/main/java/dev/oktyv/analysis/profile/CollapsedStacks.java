package dev.oktyv.analysis.profile;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.profiles.flame.FrameNormaliser;
import dev.oktyv.profiles.flame.ProfileInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collapsed stacks into a {@link FrameHistogram}, through the suite's one reader of the format
 * ({@link dev.oktyv.profiles.flame.CollapsedStacks}), keeping fractional weights. Several files (one per fork) add
 * up into one histogram; frames are normalised ({@code a/B.m_[j]} is {@code a.B.m}), and per-JVM lambda, proxy and
 * accessor names made stable by {@link FrameNormaliser}, so the forks (each its own JVM) add up frame by frame.
 */
public final class CollapsedStacks {

    private CollapsedStacks() {
    }

    public static FrameHistogram read(String event, List<Path> files) throws IOException {
        FrameHistogram.Builder b = new FrameHistogram.Builder(event);
        for (Path f : files) {
            b.source(f);
            try {
                dev.oktyv.profiles.flame.CollapsedStacks.forEach(f, (rootFirst, weight, line) -> {
                    List<String> frames = new ArrayList<>();
                    for (String fr : rootFirst) {
                        if (!fr.isEmpty()) {
                            frames.add(FrameNormaliser.STANDARD.normalise(FrameHistogram.normalise(fr)));
                        }
                    }
                    b.add(frames, weight);
                });
            } catch (ProfileInputException e) {
                // Bad input to the analysis, like any other unreadable run-folder file.
                throw new IOException(e.getMessage(), e);
            }
        }
        return b.build();
    }
}
