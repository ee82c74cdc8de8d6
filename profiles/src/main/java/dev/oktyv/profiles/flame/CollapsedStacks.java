package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one reader of the collapsed-stack text format of Brendan Gregg's {@code stackcollapse} and async-profiler's
 * {@code collapsed} output: one line per stack, frames root first separated by {@code ;}, a space, and the weight,
 * a non-negative number ({@code main;a;b 42}; fractions such as {@code 0.5} are allowed, as FlameGraph's own
 * tools accept them). Blank lines are skipped. Both the flame-graph renderer ({@link #read}) and the analysis
 * (through {@link #forEach}) read the files the capture wrote with this class, so the two cannot disagree about
 * what a valid line is.
 */
public final class CollapsedStacks {

    private static final Pattern WEIGHT = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,18})?");

    private CollapsedStacks() {
    }

    /** One stack: frames root first as written (empty frames kept), its weight, and its line number. */
    @FunctionalInterface
    public interface StackSink {
        void accept(List<String> rootFirst, double weight, int line);
    }

    /**
     * Calls {@code sink} for every stack of {@code file}. A first line that is no stack says the file is neither
     * format this suite reads; a later bad line is named with its file and number. Both are one-line
     * {@link ProfileInputException}s.
     */
    public static void forEach(Path file, StackSink sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            boolean any = false;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                int sp = line.lastIndexOf(' ');
                String weight = sp > 0 ? line.substring(sp + 1) : "";
                if (!WEIGHT.matcher(weight).matches()) {
                    if (!any) {
                        throw new ProfileInputException("not a JFR recording nor collapsed-stack text: " + file
                                + " (line " + n + ": '" + abbreviate(line) + "')");
                    }
                    throw new ProfileInputException(file + ":" + n + ": not a collapsed stack ('frame;frame weight')"
                            + (sp > 0 ? ", weight '" + abbreviate(weight) + "' is not a non-negative number" : "")
                            + ": '" + abbreviate(line) + "'");
                }
                any = true;
                sink.accept(Arrays.asList(line.substring(0, sp).split(";", -1)), Double.parseDouble(weight), n);
            }
        } catch (MalformedInputException e) {
            throw new ProfileInputException("not a JFR recording nor collapsed-stack text: " + file
                    + " (binary content)");
        }
    }

    /**
     * Reads one file into a {@link StackProfile}. Flame graphs count whole units (samples, bytes, nanoseconds), so a
     * fractional weight is rounded to the nearest whole one.
     */
    public static StackProfile read(Path file, EventKind kind) throws IOException {
        StackProfile.Builder b = StackProfile.builder(kind);
        forEach(file, (frames, weight, line) -> b.add(frames, Math.round(weight)));
        return b.build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
