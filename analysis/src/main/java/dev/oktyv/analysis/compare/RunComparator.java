package dev.oktyv.analysis.compare;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.Metric;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.analysis.stats.ForkWelchTest;
import dev.oktyv.analysis.stats.RelativeChange;
import dev.oktyv.analysis.stats.Verdict;
import dev.oktyv.analysis.stats.VerdictPolicy;
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
        return new Comparison(side(baseline), side(candidate), policy, rows, added, removed, warnings(baseline, candidate));
    }

    private MetricComparison row(BenchmarkId id, Metric base, Metric cand) {
        RelativeChange change = ForkWelchTest.compare(base.forkMeans(), cand.forkMeans(), policy.alpha());
        String why = policy.explain(change, cand.direction());
        if (!base.unit().equals(cand.unit())) {
            change = RelativeChange.notEstimable(change.baselineForks(), change.candidateForks(),
                    "units differ: " + base.unit() + " vs " + cand.unit());
            why = change.reason();
        }
        Verdict verdict = policy.decide(change, cand.direction());
        Optional<String> diff = verdict == Verdict.REGRESSED && Metric.PRIMARY.equals(cand.name())
                ? flameDiffs.locate(id) : Optional.empty();
        return new MetricComparison(id, cand.name(), cand.unit(), cand.direction(), base.score(), base.error(),
                cand.score(), cand.error(), change, verdict, why, diff);
    }

    private static Comparison.Side side(Run r) {
        return new Comparison.Side(r.name(), r.metadata().map(m -> m.git().shortCommit()).orElse(r.folder().id().shortCommit()));
    }

    private static List<String> warnings(Run b, Run c) {
        List<String> w = new ArrayList<>();
        if (b.metadata().isPresent() && c.metadata().isPresent()) {
            RunMetadata mb = b.metadata().get();
            RunMetadata mc = c.metadata().get();
            if (!mb.host().hostname().equals(mc.host().hostname()) || !mb.host().cpuModel().equals(mc.host().cpuModel())) {
                w.add("runs were measured on different hosts (" + mb.host().hostname().orElse("unknown") + ", "
                        + mc.host().hostname().orElse("unknown") + ")");
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
