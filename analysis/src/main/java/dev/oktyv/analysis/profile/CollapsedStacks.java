package dev.oktyv.analysis.profile;

import dev.oktyv.analysis.model.FrameHistogram;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads async-profiler / FlameGraph collapsed stacks: one {@code frame;frame;...;leaf count} per line, root first.
 * Several files (one per fork) add up into one histogram.
 */
public final class CollapsedStacks {

    private CollapsedStacks() {
    }

    public static FrameHistogram read(String event, List<Path> files) throws IOException {
        FrameHistogram.Builder b = new FrameHistogram.Builder(event);
        for (Path f : files) {
            b.source(f);
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    int sp = line.lastIndexOf(' ');
                    if (sp <= 0) {
                        throw new IOException(f + ":" + n + ": not a collapsed stack line (expected 'frames count')");
                    }
                    double count;
                    try {
                        count = Double.parseDouble(line.substring(sp + 1).trim());
                    } catch (NumberFormatException e) {
                        throw new IOException(f + ":" + n + ": count '" + line.substring(sp + 1) + "' is not a number");
                    }
                    List<String> frames = new ArrayList<>();
                    for (String fr : line.substring(0, sp).split(";")) {
                        if (!fr.isEmpty()) {
                            frames.add(FrameHistogram.normalise(fr));
                        }
                    }
                    b.add(frames, count);
                }
            }
        }
        return b.build();
    }
}
