package dev.oktyv.bench.catalog;

import dev.oktyv.bench.cli.UsageException;
import java.util.List;

/**
 * Turns the user's include and exclude regexes into benchmarks, or into one usage error. Every include regex
 * must match something: a typo in one of three regexes would otherwise go unnoticed while the other two run.
 */
public final class BenchmarkSelector {

    static final int SUGGESTIONS = 3;

    private BenchmarkSelector() {
    }

    public static List<BenchmarkInfo> select(BenchmarkCatalog catalog, List<String> includes, List<String> excludes) {
        if (catalog.all().isEmpty()) {
            throw new UsageException("this build contains no benchmarks (no META-INF/BenchmarkList on the class path)");
        }
        try {
            for (String include : includes) {
                if (catalog.select(List.of(include), excludes).isEmpty()) {
                    throw new UsageException(noMatch(catalog, include, excludes));
                }
            }
            return catalog.select(includes, excludes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static String noMatch(BenchmarkCatalog catalog, String include, List<String> excludes) {
        boolean excluded = !catalog.select(List.of(include), List.of()).isEmpty();
        String why = excluded ? "no benchmark matches '" + include + "' once -e " + String.join(", ", excludes)
                + " is applied" : "no benchmark matches '" + include + "'";
        return why + "; closest: " + String.join(", ", Suggestions.closest(include, catalog.all(), SUGGESTIONS));
    }
}
