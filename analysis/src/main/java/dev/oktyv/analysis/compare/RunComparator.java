package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.Metric;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.analysis.stats.DetectableEffect;
import dev.oktyv.analysis.stats.ForkWelchTest;
import dev.oktyv.analysis.stats.RelativeChange;
import dev.oktyv.analysis.stats.Verdict;
import dev.oktyv.analysis.stats.VerdictPolicy;
import dev.oktyv.results.HostClass;
import dev.oktyv.results.RunMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares the primary metric and {@code gc.alloc.rate.norm} of every benchmark present in both runs. */
public final class RunComparator {

    private final VerdictPolicy policy;
    private final FlameDiffLocator flameDiffs;

    public RunComparator(VerdictPolicy policy, FlameDiffLocator flameDiffs) {
        this.policy = policy;
        this.flameDiffs = flameDiffs;
    }

    public Comparison compare(Run baseline, Run candidate) {
        return compare(List.of(baseline), List.of(candidate));
    }

    /**
     * Compares sides of one or more runs each, their forks pooled ({@link PooledRuns}): runs taken in interleaved
     * rounds, so that drift of the machine lands on both sides alike.
     */
    public Comparison compare(List<Run> baselineRuns, List<Run> candidateRuns) {
        Run baseline = PooledRuns.pool(baselineRuns);
        Run candidate = PooledRuns.pool(candidateRuns);
        Map<BenchmarkId, BenchmarkResult> b = baseline.byId();
        Map<BenchmarkId, BenchmarkResult> c = candidate.byId();
        List<MetricComparison> rows = new ArrayList<>();
        List<BenchmarkId> added = new ArrayList<>();
        List<BenchmarkId> removed = new ArrayList<>();
        for (var e : c.entrySet()) {
            BenchmarkResult base = b.get(e.getKey());
            if (base == null) {
                added.add(e.getKey());
                continue;
            }
            rows.add(row(e.getKey(), base.primary(), e.getValue().primary()));
            Optional<Metric> bn = base.allocNorm();
            Optional<Metric> cn = e.getValue().allocNorm();
            if (bn.isPresent() && cn.isPresent()) {
                rows.add(row(e.getKey(), bn.get(), cn.get()));
            }
        }
        b.keySet().stream().filter(id -> !c.containsKey(id)).forEach(removed::add);
        List<String> warnings = new ArrayList<>(warnings(baseline, candidate));
        poolingWarnings("baseline", baselineRuns, warnings);
        poolingWarnings("candidate", candidateRuns, warnings);
        return new Comparison(side(baseline, baselineRuns), side(candidate, candidateRuns), policy, rows, added,
                removed, warnings);
    }

    private static void poolingWarnings(String name, List<Run> runs, List<String> out) {
        java.util.Set<String> commits = new java.util.TreeSet<>();
        runs.forEach(r -> commits.add(commit(r)));
        if (commits.size() > 1) {
            out.add("the " + name + " pools runs of " + commits.size() + " commits " + commits);
        }
        List<BenchmarkId> partial = PooledRuns.incomplete(runs);
        if (!partial.isEmpty()) {
            out.add(partial.size() + " benchmark(s) missing from some " + name + " runs were left out of the"
                    + " comparison, e.g. " + partial.get(0).label());
        }
    }

    private MetricComparison row(BenchmarkId id, Metric base, Metric cand) {
        RelativeChange change = ForkWelchTest.compare(base.forkMeans(), cand.forkMeans(), policy.alpha());
        String why = policy.explain(change, cand.direction());
        DetectableEffect detectable = DetectableEffect.of(base.forkMeans(), cand.forkMeans(), policy, cand.direction());
        if (!base.unit().equals(cand.unit())) {
            change = RelativeChange.notEstimable(change.baselineForks(), change.candidateForks(),
                    MetricComparison.UNITS_DIFFER + ": " + base.unit() + " vs " + cand.unit());
            why = change.reason();
            detectable = DetectableEffect.notApplicable(change.reason());
        }
        Verdict verdict = policy.decide(change, cand.direction());
        if (base.unit().equals(cand.unit()) && policy.belowAllocationFloor(cand.unit(), base.score(), cand.score())) {
            verdict = Verdict.UNCHANGED;
            why = policy.explainAllocationFloor(base.score(), cand.score());
        }
        Optional<String> diff = verdict == Verdict.REGRESSED && Metric.PRIMARY.equals(cand.name())
                ? flameDiffs.locate(id) : Optional.empty();
        return new MetricComparison(id, cand.name(), cand.unit(), cand.direction(), base.score(), base.error(),
                cand.score(), cand.error(), change, verdict, why, detectable, diff);
    }

    /**
     * When run.json's JVM (the one that started the suite) is not the one JMH says the benchmarks ran in
     * ({@code -jvm}, a hand-written or imported run.json), the comparison is not between the JVMs the header claims.
     */
    /** @param side "baseline", "candidate", or "" for a run on its own */
    public static Optional<String> jvmDisagreement(String side, Run r) {
        if (r.metadata().isEmpty()) {
            return Optional.empty();
        }
        String recorded = r.metadata().get().jvm().version();
        java.util.Set<String> measured = new java.util.TreeSet<>();
        for (BenchmarkResult res : r.results()) {
            String v = res.jdkVersion();
            if (v != null && !v.isBlank() && !"unknown".equals(v) && !recorded.startsWith(v) && !v.startsWith(recorded)) {
                measured.add(v);
            }
        }
        return measured.isEmpty() ? Optional.empty() : Optional.of((side.isEmpty() ? "" : "the " + side + " ")
                + "run.json says JVM " + recorded
                + " but its jmh.json says the benchmarks ran in " + String.join(", ", measured));
    }

    private static Comparison.Side side(Run pooled, List<Run> runs) {
        int min = pooled.results().stream().mapToInt(b -> b.primary().forkMeans().length).min().orElse(0);
        int max = pooled.results().stream().mapToInt(b -> b.primary().forkMeans().length).max().orElse(0);
        return new Comparison.Side(pooled.name(), commit(pooled), runs.stream().map(Run::name).toList(), min, max);
    }

    private static String commit(Run r) {
        return r.metadata().map(m -> m.git().shortCommit()).orElse(r.folder().id().shortCommit());
    }

    private static List<String> warnings(Run b, Run c) {
        List<String> w = new ArrayList<>();
        jvmDisagreement("baseline", b).ifPresent(w::add);
        jvmDisagreement("candidate", c).ifPresent(w::add);
        if (b.metadata().isPresent() && c.metadata().isPresent()) {
            RunMetadata mb = b.metadata().get();
            RunMetadata mc = c.metadata().get();
            if (!mb.host().hostname().equals(mc.host().hostname()) || !mb.host().cpuModel().equals(mc.host().cpuModel())) {
                w.add("runs were measured on different hosts (" + mb.host().hostname().orElse("unknown") + ", "
                        + mc.host().hostname().orElse("unknown") + ")");
            }
            String hb = HostClass.of(mb);
            String hc = HostClass.of(mc);
            if (!hb.equals(hc)) {
                w.add("runs are of different host classes (" + hb + ", " + hc + "): pick runs of one class with"
                        + " --host-class");
            }
            if (!mb.jvm().version().equals(mc.jvm().version())) {
                w.add("runs used different JVMs (" + mb.jvm().version() + ", " + mc.jvm().version() + ")");
            }
            if (mc.git().dirty()) {
                w.add("the candidate was measured on a dirty working tree");
            }
        }
        if (b.results().isEmpty()) {
            w.add("the baseline run has no JMH results");
        }
        if (c.results().isEmpty()) {
            w.add("the candidate run has no JMH results");
        }
        return w;
    }
}
