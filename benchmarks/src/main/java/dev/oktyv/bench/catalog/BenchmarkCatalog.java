package dev.oktyv.bench.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The benchmarks compiled into this build, read from every {@code META-INF/BenchmarkList} on the class path
 * (the shaded jar merges one per contributing module into a single file). Selection uses JMH's own rule: a
 * benchmark is included when any include regex is <em>found</em> in its name and no exclude regex is.
 */
public final class BenchmarkCatalog {

    private final List<BenchmarkInfo> benchmarks;

    public BenchmarkCatalog(List<BenchmarkInfo> benchmarks) {
        List<BenchmarkInfo> sorted = new ArrayList<>(benchmarks);
        sorted.sort(java.util.Comparator.comparing(BenchmarkInfo::name));
        this.benchmarks = List.copyOf(sorted);
    }

    /** Reads the benchmark lists visible to {@code loader}; an empty catalog when the build has none. */
    public static BenchmarkCatalog fromClassPath(ClassLoader loader) {
        List<BenchmarkListEntry> entries = new ArrayList<>();
        try {
            Enumeration<URL> lists = loader.getResources(BenchmarkList.BENCHMARK_LIST.substring(1));
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    entries.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BenchmarkList.BENCHMARK_LIST + ": " + e.getMessage(), e);
        }
        return fromEntries(entries);
    }

    /**
     * Parses one benchmark list. Blank lines are skipped: the shade plugin's appending merge puts one between the
     * lists of two modules, and {@link BenchmarkList#readBenchmarkList} would reject it.
     */
    static List<BenchmarkListEntry> parse(String list) {
        List<BenchmarkListEntry> out = new ArrayList<>();
        for (String line : list.split("\\R")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(new BenchmarkListEntry(line));
            }
        }
        return out;
    }

    public static BenchmarkCatalog fromEntries(List<BenchmarkListEntry> entries) {
        Map<String, List<BenchmarkListEntry>> byName = new TreeMap<>();
        for (BenchmarkListEntry e : entries) {
            byName.computeIfAbsent(e.getUsername(), k -> new ArrayList<>()).add(e);
        }
        List<BenchmarkInfo> out = new ArrayList<>();
        byName.forEach((name, list) -> out.add(toInfo(name, list)));
        return new BenchmarkCatalog(out);
    }

    private static BenchmarkInfo toInfo(String name, List<BenchmarkListEntry> entries) {
        Set<Mode> modes = new TreeSet<>();
        entries.forEach(e -> modes.add(e.getMode()));
        BenchmarkListEntry first = entries.get(0);
        Map<String, List<String>> params = new LinkedHashMap<>();
        first.getParams().orElse(Collections.emptyMap())
                .forEach((k, v) -> params.put(k, Arrays.asList(v)));
        var annotated = new BenchmarkInfo.AnnotatedSettings(first.getForks().hasValue(),
                first.getWarmupIterations().hasValue(), first.getWarmupTime().hasValue(),
                first.getMeasurementIterations().hasValue(), first.getMeasurementTime().hasValue());
        return new BenchmarkInfo(name, modes, params, annotated);
    }

    public List<BenchmarkInfo> all() {
        return benchmarks;
    }

    /**
     * Benchmarks matching any of {@code includes} (all when empty) and none of {@code excludes}, by name.
     *
     * @throws IllegalArgumentException naming the regex when one does not compile
     */
    public List<BenchmarkInfo> select(List<String> includes, List<String> excludes) {
        List<Pattern> in = compile(includes.isEmpty() ? List.of(".*") : includes);
        List<Pattern> ex = compile(excludes);
        List<BenchmarkInfo> out = new ArrayList<>();
        for (BenchmarkInfo b : benchmarks) {
            if (matchesAny(in, b.name()) && !matchesAny(ex, b.name())) {
                out.add(b);
            }
        }
        return out;
    }

    private static List<Pattern> compile(List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + r + "' is not a valid regex: " + e.getDescription(), e);
            }
        }
        return out;
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }
}
