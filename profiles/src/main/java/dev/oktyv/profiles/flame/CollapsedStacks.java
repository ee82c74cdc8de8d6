package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the collapsed-stack text format of Brendan Gregg's {@code stackcollapse} and async-profiler's
 * {@code collapsed} output: one line per stack, frames root first separated by {@code ;}, a space, and the
 * weight as a non-negative integer ({@code main;a;b 42}). Blank lines are skipped.
 */
public final class CollapsedStacks {

    private CollapsedStacks() {
    }

    public static StackProfile read(Path file, EventKind kind) throws IOException {
        StackProfile.Builder b = StackProfile.builder(kind);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                int sp = line.lastIndexOf(' ');
                long weight = sp > 0 ? parseWeight(line.substring(sp + 1)) : -1;
                if (weight < 0 && b.build().isEmpty()) {
                    throw new ProfileInputException("not a JFR recording nor collapsed-stack text: " + file
                            + " (line " + n + ": '" + abbreviate(line) + "')");
                }
                if (weight < 0) {
                    throw new ProfileInputException("line " + n + " of " + file + " is not a collapsed stack"
                            + " ('frame;frame count'): '" + abbreviate(line) + "'");
                }
                b.add(Arrays.asList(line.substring(0, sp).split(";", -1)), weight);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ProfileInputException("not a JFR recording nor collapsed-stack text: " + file
                    + " (binary content)");
        }
        return b.build();
    }

    private static long parseWeight(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
