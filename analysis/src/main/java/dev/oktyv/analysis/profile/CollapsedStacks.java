package dev.oktyv.analysis.profile;

import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.profiles.flame.FrameNormaliser;
import dev.oktyv.profiles.flame.ProfileInputException;
import java.io.IOException;
import java.nio.file.Path;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.model.WaitSite;
import dev.oktyv.analysis.model.WallProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
            forEach(f, b::add);
        }
        return b.build();
    }

    /** The one thread group of a collapsed wall profile of a JMH run: collapsed stacks name no threads. */
    public static final String JMH_WORKER_STACKS = "JMH worker threads (stacks through a _jmhTest stub)";

    /** The JMH benchmark stub: only worker threads run it, so its presence tells workers from JMH's own threads. */
    private static final String JMH_STUB = "_jmhTest.";

    /**
     * A wall-clock profile as waits: each stack classified by {@link WaitClassifier}. When some stacks run JMH's
     * benchmark stub, only those are counted (the worker threads); JMH's control threads idle for the whole run and
     * would otherwise dominate.
     */
    public static WallProfile readWall(List<Path> files) throws IOException {
        List<Map.Entry<List<String>, Double>> stacks = new ArrayList<>();
        for (Path f : files) {
            forEach(f, (frames, w) -> stacks.add(Map.entry(frames, w)));
        }
        boolean jmh = stacks.stream().anyMatch(s -> s.getKey().stream().anyMatch(fr -> fr.contains(JMH_STUB)));
        String threads = jmh ? JMH_WORKER_STACKS : "all threads";
        Map<WaitSite, Double> samples = new HashMap<>();
        for (Map.Entry<List<String>, Double> s : stacks) {
            if (jmh && s.getKey().stream().noneMatch(fr -> fr.contains(JMH_STUB))) {
                continue;
            }
            WaitKind kind = WaitClassifier.kindOf(s.getKey());
            String frame = kind == WaitKind.RUNNING ? "" : WaitClassifier.waitingFrame(s.getKey());
            samples.merge(new WaitSite(threads, kind, "", frame), s.getValue(), Double::sum);
        }
        return new WallProfile(files, samples);
    }

    private static void forEach(Path f, BiConsumer<List<String>, Double> sink) throws IOException {
        try {
            dev.oktyv.profiles.flame.CollapsedStacks.forEach(f, (rootFirst, weight, line) -> {
                List<String> frames = new ArrayList<>();
                for (String fr : rootFirst) {
                    if (!fr.isEmpty()) {
                        frames.add(FrameNormaliser.STANDARD.normalise(FrameHistogram.normalise(fr)));
                    }
                }
                sink.accept(frames, weight);
            });
        } catch (ProfileInputException e) {
            // Bad input to the analysis, like any other unreadable run-folder file.
            throw new IOException(e.getMessage(), e);
        }
    }
}
