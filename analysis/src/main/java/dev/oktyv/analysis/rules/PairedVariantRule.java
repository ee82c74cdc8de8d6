package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.Direction;
import dev.oktyv.analysis.model.Metric;
import dev.oktyv.analysis.stats.ForkWelchTest;
import dev.oktyv.analysis.stats.RelativeChange;
import java.util.List;
import java.util.Locale;

/**
 * The measured gain of an optimised variant (pooling, batching, caching) over its baseline in the same run;
 * see {@link VariantPairs} for how pairs are recognised. A variant that is not measurably better is a warning:
 * the optimisation costs complexity and buys nothing.
 */
public final class PairedVariantRule implements Rule {

    static final double ALPHA = 0.01;

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
        boolean noGainMeasured = false;
        for (VariantPairs.Pair p : pairs) {
            Metric b = p.baseline().primary();
            Metric o = p.optimised().primary();
            Direction d = o.direction();
            String name = p.optimised().id().label() + " vs " + p.baseline().id().label();
            if (d == Direction.UNKNOWN || !b.unit().equals(o.unit())) {
                continue;
            }
            double speedup = d == Direction.HIGHER_IS_BETTER ? o.score() / b.score() : b.score() / o.score();
            f.evidence(new Evidence(name, "speed-up", speedup, "x", input.run().folder().jmhJson()));
            RelativeChange c = ForkWelchTest.compare(b.forkMeans(), o.forkMeans(), ALPHA);
            PairOutcome outcome = PairOutcome.of(c, d, ALPHA);
            String stat = c.estimable() ? String.format(Locale.ROOT, "p=%.2g", c.pValue()) : c.reason();
            if (outcome != PairOutcome.GAIN_SHOWN && outcome != PairOutcome.NO_GAIN) {
                f.observe(outcome.severity, PairCannotTell.summary(p, speedup, c, outcome), PairCannotTell.impact(speedup));
                continue;
            }
            noGainMeasured |= outcome == PairOutcome.NO_GAIN;
            if (outcome == PairOutcome.GAIN_SHOWN) {
                f.observe(Severity.INFO, String.format(Locale.ROOT, "%s measured %.2f× faster than %s (%s)",
                                p.optimised().id().label(), speedup, p.baseline().id().label(), stat),
                        String.format(Locale.ROOT, "the optimised variant %s measured %.2f× faster", p.optimised().id().label(), speedup));
            } else {
                f.observe(Severity.WARNING, String.format(Locale.ROOT, "%s is not measurably faster than %s (%.2f×, %s)",
                                p.optimised().id().label(), p.baseline().id().label(), speedup, stat),
                        String.format(Locale.ROOT, "the optimisation buys at most %.2f× here", Math.max(speedup, 1)));
            }
        }
        return f.result("Pooling, batching and caching add complexity; they are worth it when the benchmark shows the gain.",
                noGainMeasured ? "Keep the variant when the gain is real; otherwise remove it, or find why the baseline cost it targets"
                        + " is not the bottleneck (profile both)." : PairCannotTell.FIX);
    }
}
