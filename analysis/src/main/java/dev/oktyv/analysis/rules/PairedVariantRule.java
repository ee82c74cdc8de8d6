package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.Direction;
import dev.oktyv.analysis.model.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measured gain of an optimised variant (pooling, batching, caching) over its baseline in the same run;
 * see {@link VariantPairs} for how pairs are recognised. Only a measured interval that excludes any gain is a
 * warning (the optimisation costs complexity and buys nothing); a pair the forks cannot decide is reported at the
 * lowest severity, never with advice to remove it.
 */
public final class PairedVariantRule implements Rule {

    static final double ALPHA = 0.01;
    static final String LEVEL = "99%";

    @Override
    public String id() {
        return "paired-variants";
    }

    @Override
    public String title() {
        return "Paired variants: measured gain of optimisations";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("significance level", ALPHA, ""));
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        List<VariantPairs.Pair> pairs = VariantPairs.find(input.run().results(), input.declaredPairs());
        if (pairs.isEmpty()) {
            return RuleResult.notApplicable(this, "no paired variants (param variant=baseline|..., or methods xxxPooled/xxxPerQuery"
                    + " and similar) in this run");
        }
        Finding f = new Finding(this, "every optimised variant is measurably better than its baseline");
        List<MeasuredGain> supported = new ArrayList<>();
        boolean noGainMeasured = false;
        boolean undecided = false;
        for (VariantPairs.Pair p : pairs) {
            Metric b = p.baseline().primary();
            Metric o = p.optimised().primary();
            if (o.direction() == Direction.UNKNOWN || !b.unit().equals(o.unit())) {
                continue;
            }
            MeasuredGain g = MeasuredGain.of(p, ALPHA);
            Path source = input.run().folder().jmhJson();
            f.evidence(new Evidence(g.label(), "speed-up", g.speedup(), "x", source));
            f.evidence(new Evidence(g.label(), "speed-up, lower end of the " + LEVEL + " interval", g.low(), "x", source));
            f.evidence(new Evidence(g.label(), "speed-up, upper end of the " + LEVEL + " interval", g.high(), "x", source));
            String stat = g.reason().isEmpty() ? String.format(Locale.ROOT, "p=%.2g", g.pValue()) : g.reason();
            switch (g.outcome()) {
                case GAIN_SHOWN -> {
                    supported.add(g);
                    f.observe(Severity.INFO, g.recommendation() + " (" + stat + ")", g.recommendation());
                }
                case NO_GAIN -> {
                    noGainMeasured = true;
                    f.observe(Severity.WARNING, String.format(Locale.ROOT, "%s is not measurably faster than %s (%s, %s)",
                                    p.optimised().id().label(), p.baseline().id().label(), g.ratioText(), stat),
                            String.format(Locale.ROOT, "the optimisation buys at most %.2f× here",
                                    Math.max(Double.isNaN(g.high()) ? g.speedup() : g.high(), 1)));
                }
                default -> {
                    undecided = true;
                    f.observe(g.outcome().severity, PairCannotTell.summary(g), PairCannotTell.impact(g.speedup()));
                }
            }
        }
        return f.result("Pooling, batching and caching add complexity; they are worth it when the benchmark shows the gain."
                        + " Gains are speed-up factors with their " + LEVEL + " interval from the fork means (Welch, log scale).",
                recommendations(supported, noGainMeasured, undecided));
    }

    /**
     * Every pair's measured gain, as the readiness verdict file records it (the rule's result carries the same
     * numbers as evidence, but flattened).
     */
    public static List<dev.oktyv.results.readiness.PerformanceEvidence.Gain> measuredGains(AnalysisInput input) {
        List<dev.oktyv.results.readiness.PerformanceEvidence.Gain> out = new ArrayList<>();
        for (VariantPairs.Pair p : VariantPairs.find(input.run().results(), input.declaredPairs())) {
            Metric b = p.baseline().primary();
            Metric o = p.optimised().primary();
            if (o.direction() == Direction.UNKNOWN || !b.unit().equals(o.unit())) {
                continue;
            }
            MeasuredGain g = MeasuredGain.of(p, ALPHA);
            out.add(new dev.oktyv.results.readiness.PerformanceEvidence.Gain(g.kind().title(), g.label(), g.speedup(),
                    g.low(), g.high(), g.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return out;
    }

    /**
     * The seed's recommendation kinds, each only when a measurement in this run supports it; removal is advised
     * only where an interval excluded a gain, and undecided pairs get the advice to measure them.
     */
    static String recommendations(List<MeasuredGain> supported, boolean noGainMeasured, boolean undecided) {
        StringBuilder sb = new StringBuilder();
        if (supported.isEmpty()) {
            sb.append("No pooling, caching or batching recommendation: no optimised variant in this run is measurably"
                    + " better than its baseline.");
        } else {
            sb.append("Measured in this run:");
            for (OptimisationKind kind : OptimisationKind.values()) {
                List<String> lines = supported.stream().filter(g -> g.kind() == kind).map(MeasuredGain::recommendation).toList();
                if (!lines.isEmpty()) {
                    sb.append(" use ").append(kind.title()).append(" (").append(String.join("; ", lines)).append(").");
                }
            }
        }
        if (noGainMeasured) {
            sb.append(" Where a variant's interval excludes a gain, remove it, or find (profile both) why the cost it"
                    + " targets is not the bottleneck.");
        }
        if (undecided) {
            sb.append(' ').append(PairCannotTell.FIX);
        }
        return sb.toString();
    }
}
