package dev.oktyv.analysis.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Samples (or weights: bytes, nanoseconds) attributed to frames: {@code self} counts a frame when it is the
 * leaf of a stack, {@code total} when it appears anywhere in it (once per stack, so recursion does not count twice).
 * Frame names are normalised to {@code pkg.Class.method}.
 *
 * @param sources the files the samples came from
 */
public record FrameHistogram(String event, List<Path> sources, double total, Map<String, Double> self,
                             Map<String, Double> inclusive, Map<Site, Double> sites) {

    public FrameHistogram {
        Objects.requireNonNull(event, "event");
        sources = List.copyOf(sources);
        self = Collections.unmodifiableMap(new HashMap<>(self));
        inclusive = Collections.unmodifiableMap(new HashMap<>(inclusive));
        sites = Collections.unmodifiableMap(new HashMap<>(sites));
    }

    /**
     * A leaf with the frame that called it. In an allocation profile the leaf is the allocated type and the caller
     * the allocating method, so a site reads as JMC names it: {@code byte[]} allocated by {@code CounterMode.<init>}.
     *
     * @param caller "" for a stack of one frame
     */
    public record Site(String leaf, String caller) {
        @Override
        public String toString() {
            return caller.isEmpty() ? leaf : leaf + " by " + caller;
        }
    }

    /** A site and its share of {@link #total}. */
    public record SiteShare(Site site, double weight, double share) {
    }

    /** The heaviest sites (leaf with caller), heaviest first. */
    public List<SiteShare> topSites(int n) {
        return sites.entrySet().stream().map(e -> new SiteShare(e.getKey(), e.getValue(), total == 0 ? 0 : e.getValue() / total))
                .sorted(Comparator.comparingDouble(SiteShare::weight).reversed().thenComparing(s -> s.site().toString()))
                .limit(n).toList();
    }

    /** A frame and its share of {@link #total}. */
    public record FrameShare(String frame, double weight, double share) {
    }

    public List<FrameShare> topSelf(int n) {
        return top(self, n, Double.POSITIVE_INFINITY);
    }

    /**
     * Top frames by inclusive weight, leaving out frames on (nearly) every stack: thread roots and the JMH stub
     * hold ~100% and say nothing.
     */
    public List<FrameShare> topInclusive(int n, double maxShare) {
        return top(inclusive, n, maxShare);
    }

    /** {@link #topInclusive(int, double)} also leaving out the frames {@code skip} accepts (by name). */
    public List<FrameShare> topInclusive(int n, double maxShare, java.util.function.Predicate<String> skip) {
        return top(inclusive.entrySet().stream().filter(e -> !skip.test(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), n, maxShare);
    }

    /** Inclusive share of all frames whose name contains {@code fragment} (e.g. Throwable.fillInStackTrace). */
    public double inclusiveShareOf(String fragment) {
        return total == 0 ? 0 : inclusive.entrySet().stream().filter(e -> e.getKey().contains(fragment))
                .mapToDouble(Map.Entry::getValue).max().orElse(0) / total;
    }

    private List<FrameShare> top(Map<String, Double> m, int n, double maxShare) {
        return m.entrySet().stream().map(e -> new FrameShare(e.getKey(), e.getValue(), total == 0 ? 0 : e.getValue() / total))
                .filter(f -> f.share() < maxShare)
                .sorted(Comparator.comparingDouble(FrameShare::weight).reversed().thenComparing(FrameShare::frame))
                .limit(n).toList();
    }

    /** Builds a histogram from stacks given root first, leaf last. */
    public static final class Builder {
        private final String event;
        private final List<Path> sources = new java.util.ArrayList<>();
        private final Map<String, Double> self = new HashMap<>();
        private final Map<String, Double> inclusive = new HashMap<>();
        private final Map<Site, Double> sites = new HashMap<>();
        private double total;

        public Builder(String event) {
            this.event = event;
        }

        public Builder source(Path p) {
            sources.add(p);
            return this;
        }

        public Builder add(List<String> rootToLeaf, double weight) {
            if (rootToLeaf.isEmpty() || !(weight > 0)) {
                return this;
            }
            total += weight;
            int n = rootToLeaf.size();
            self.merge(rootToLeaf.get(n - 1), weight, Double::sum);
            sites.merge(new Site(rootToLeaf.get(n - 1), n > 1 ? rootToLeaf.get(n - 2) : ""), weight, Double::sum);
            Set<String> seen = new LinkedHashSet<>(rootToLeaf);
            for (String f : seen) {
                inclusive.merge(f, weight, Double::sum);
            }
            return this;
        }

        public boolean isEmpty() {
            return total == 0;
        }

        public FrameHistogram build() {
            return new FrameHistogram(event, sources, total, self, inclusive, sites);
        }
    }

    /** {@code java/lang/String.hashCode_[j]} → {@code java.lang.String.hashCode}. */
    public static String normalise(String frame) {
        String f = frame;
        int ann = f.lastIndexOf("_[");
        if (ann > 0 && f.endsWith("]")) {
            f = f.substring(0, ann);
        }
        return f.replace('/', '.');
    }
}
