package dev.oktyv.bench.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the benchmark names closest to a regex that matched nothing, usually a typo. The distance is the
 * smallest edit distance between the regex (with its metacharacters dropped) and any dotted tail of a name, so
 * {@code BaselineBenchmark.empyt} is close to {@code dev.oktyv.bench.calibration.BaselineBenchmark.empty}.
 */
public final class Suggestions {

    private Suggestions() {
    }

    public static List<String> closest(String regex, List<BenchmarkInfo> candidates, int limit) {
        String probe = regex.replaceAll("[\\\\^$.*+?()\\[\\]{}|]", "").toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (BenchmarkInfo b : candidates) {
            scored.add(new Scored(b.name(), distanceToTails(probe, b.name().toLowerCase(Locale.ROOT))));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(limit).map(Scored::name).toList();
    }

    private static int distanceToTails(String probe, String name) {
        int best = editDistance(probe, name);
        String n = name.replace('.', ' ');
        int i = n.indexOf(' ');
        while (i >= 0) {
            best = Math.min(best, editDistance(probe, name.substring(i + 1)));
            i = n.indexOf(' ', i + 1);
        }
        return best;
    }

    /** Levenshtein distance; names are short, so the O(n*m) table is fine. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
