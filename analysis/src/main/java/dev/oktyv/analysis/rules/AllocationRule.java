package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.BenchmarkResult;
import dev.oktyv.analysis.model.FrameHistogram;
import dev.oktyv.analysis.model.FrameHistogram.SiteShare;
import dev.oktyv.analysis.model.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Bytes allocated per operation ({@code gc.alloc.rate.norm}) and the hot allocation sites. */
public final class AllocationRule implements Rule {

    static final double WARNING_BYTES_PER_OP = 1024;
    static final double CRITICAL_BYTES_PER_OP = 64 * 1024;
    /** Evidence lists the heaviest benchmarks only; a run of 1,000 benchmarks must not print 1,000 lines. */
    static final int MAX_BENCHMARK_EVIDENCE = 5;

    @Override
    public String id() {
        return "allocation";
    }

    @Override
    public String title() {
        return "Allocation: bytes per operation and hot sites";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("bytes/op warning", WARNING_BYTES_PER_OP, "B/op"),
                new Threshold("bytes/op critical", CRITICAL_BYTES_PER_OP, "B/op"));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "allocation per operation is small");
        boolean any = false;
        List<BenchmarkResult> measured = input.run().results().stream()
                .filter(r -> r.allocNorm().filter(m -> !Double.isNaN(m.score())).isPresent())
                .sorted(java.util.Comparator.comparingDouble((BenchmarkResult r) -> r.allocNorm().get().score()).reversed())
                .toList();
        for (int i = 0; i < measured.size(); i++) {
            BenchmarkResult r = measured.get(i);
            Optional<Metric> norm = r.allocNorm();
            any = true;
            double bpo = norm.get().score();
            if (i < MAX_BENCHMARK_EVIDENCE) {
                f.evidence(new Evidence(r.id().label(), "gc.alloc.rate.norm", bpo, "B/op", input.run().folder().jmhJson()));
            }
            Optional<FrameHistogram> sites = input.profiles().stream().filter(p -> p.workloadId().equals(r.id().workloadId()))
                    .findFirst().flatMap(WorkloadProfile::allocation);
            String impact = String.format(Locale.ROOT, "%s allocates %.0f B/op; allocation-free code would remove all of it",
                    r.id().label(), bpo);
            if (sites.isPresent()) {
                SiteShare top = sites.get().topSites(1).get(0);
                impact = String.format(Locale.ROOT, "site %s holds %.1f%% of sampled allocation in %s, so removing it cuts"
                        + " at most %.0f of %.0f B/op", top.site(), top.share() * 100, r.id().label(), top.share() * bpo, bpo);
            }
            f.observe(Finding.grade(bpo, WARNING_BYTES_PER_OP, CRITICAL_BYTES_PER_OP),
                    String.format(Locale.ROOT, "%s allocates %.0f B/op", r.id().label(), bpo), impact);
        }
        for (WorkloadProfile p : input.profiles()) {
            Optional<FrameHistogram> sites = p.allocation();
            if (sites.isEmpty()) {
                continue;
            }
            any = true;
            List<SiteShare> top = sites.get().topSites(3);
            for (SiteShare s : top) {
                f.evidence(new Evidence(p.workloadId(), "allocation share of " + s.site(), s.share() * 100, "%",
                        sites.get().sources().get(0)));
            }
            if (input.run().results().isEmpty()) {
                // A recording without JMH figures (analyze FILE.jfr): the top site is the finding, stated as JMC does.
                f.observe(Severity.INFO, String.format(Locale.ROOT, "%s: most allocation is %s (%.1f%% of sampled bytes)",
                        p.workloadId(), top.get(0).site(), top.get(0).share() * 100),
                        String.format(Locale.ROOT, "removing site %s cuts at most %.1f%% of the allocated bytes",
                                top.get(0).site(), top.get(0).share() * 100));
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no gc.alloc.rate.norm (run JMH with -prof gc) and no allocation samples in this run");
        }
        return f.result("Every allocated byte must be zeroed and later collected; at high rates allocation is often the"
                        + " biggest avoidable cost of a hot path and drives GC frequency.",
                "Look at the allocation flame graph: reuse buffers, avoid boxing and intermediate collections, size"
                        + " builders up front, and prefer primitive-specialised APIs in the top sites.");
    }
}
