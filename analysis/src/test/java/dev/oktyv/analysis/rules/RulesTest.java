package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.model.LoadEvidence.StressStep;
import dev.oktyv.results.load.StressLevel;
import dev.oktyv.analysis.testing.SyntheticJmh;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule on data built to trigger it, on data that must not, and on a run without its data. */
class RulesTest {

    @Test
    void everyRuleSaysNotApplicableOnAnEmptyRun() {
        for (Rule r : Rules.all()) {
            RuleResult res = r.evaluate(Inputs.empty());
            assertThat(res.applicable()).as(r.id()).isFalse();
            assertThat(res.summary()).as(r.id()).startsWith("not applicable: ");
        }
    }

    @Test
    void cpuHotMethod() {
        RuleResult hot = new CpuHotMethodsRule().evaluate(Inputs.profile(Inputs.cpu(Inputs.hist("cpu",
                Map.of("a.Hot.spin", 410.0, "a.B.x", 300.0, "a.C.y", 290.0)))));
        assertThat(hot.severity()).isEqualTo(Severity.INFO);
        assertThat(hot.impactBound()).get().asString().contains("a.Hot.spin holds 41.0%").contains("at best save 41.0%");
        assertThat(hot.evidence()).anySatisfy(e -> assertThat(e.source().toString()).endsWith("cpu-f1.collapsed"));
        // The thread root and the JMH stub are on every stack; they are not reported as hot by total time.
        assertThat(hot.evidence()).noneMatch(e -> e.quantity().contains("Thread.run"));
        assertThat(new CpuHotMethodsRule().evaluate(Inputs.profile(Inputs.cpu(Inputs.hist("cpu",
                Map.of("a.Hot.spin", 700.0, "a.B.x", 300.0))))).severity()).isEqualTo(Severity.WARNING);
        Map<String, Double> flat = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            flat.put("a.M.m" + i, 100.0);
        }
        assertThat(new CpuHotMethodsRule().evaluate(Inputs.profile(Inputs.cpu(Inputs.hist("cpu", flat)))).severity())
                .isEqualTo(Severity.OK);
        assertThat(new CpuHotMethodsRule().evaluate(Inputs.profile(Inputs.cpu(Inputs.hist("cpu", Map.of("a.B.c", 10.0)))))
                .applicable()).isFalse();
    }

    @Test
    void allocationPerOperation() {
        SyntheticJmh heavy = new SyntheticJmh().add("b.A.alloc", "avgt", Map.of(), "ns/op", new double[][] {{1}},
                new double[][] {{100_000}});
        RuleResult r = new AllocationRule().evaluate(Inputs.jmh(heavy));
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.summary()).contains("100000 B/op");
        assertThat(r.evidence().get(0).source().toString()).endsWith("jmh.json");
        SyntheticJmh light = new SyntheticJmh().add("b.A.alloc", "avgt", Map.of(), "ns/op", new double[][] {{1}},
                new double[][] {{24}});
        assertThat(new AllocationRule().evaluate(Inputs.jmh(light)).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void allocationSitesBoundTheSaving() {
        SyntheticJmh jmh = new SyntheticJmh().add("b.A.alloc", "avgt", Map.of(), "ns/op", new double[][] {{1}},
                new double[][] {{2000}});
        var sites = Inputs.hist("alloc", Map.of("java.util.ArrayList.grow", 750.0, "b.A.other", 250.0));
        WorkloadProfile p = new WorkloadProfile("b.A.alloc", java.util.Optional.empty(), java.util.Optional.of(sites),
                java.util.Optional.empty(), List.of());
        RuleResult r = new AllocationRule().evaluate(new AnalysisInput(Inputs.run(jmh), List.of(p), List.of()));
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.impactBound()).get().asString().contains("ArrayList.grow holds 75.0%").contains("at most 1500 of 2000 B/op");
    }

    @Test
    void gcPauses() {
        RuleResult bad = new GcRule().evaluate(Inputs.profile(Inputs.jfr(Inputs.digest(20, 2.5e9, 400e6, Double.NaN, Map.of(), Map.of()))));
        assertThat(bad.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(bad.impactBound()).get().asString().contains("25.0% of wall time");
        RuleResult fine = new GcRule().evaluate(Inputs.profile(Inputs.jfr(Inputs.digest(5, 20e6, 5e6, Double.NaN, Map.of(), Map.of()))));
        assertThat(fine.severity()).isEqualTo(Severity.OK);
        RuleResult frequent = new GcRule().evaluate(Inputs.profile(Inputs.jfr(Inputs.digest(200, 50e6, 1e6, Double.NaN, Map.of(), Map.of()))));
        assertThat(frequent.severity()).isEqualTo(Severity.WARNING);
        assertThat(new GcRule().evaluate(Inputs.profile(Inputs.jfr(Inputs.digest(-1, Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of()))))
                .applicable()).isFalse();
    }

    @Test
    void locks() {
        RuleResult bad = new LockContentionRule().evaluate(Inputs.profile(Inputs.jfr(
                Inputs.digest(-1, Double.NaN, Double.NaN, Double.NaN, Map.of("dev.oktyv.Pool", 6e9), Map.of()))));
        assertThat(bad.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(bad.summary()).contains("dev.oktyv.Pool").contains("60.0%");
        RuleResult fine = new LockContentionRule().evaluate(Inputs.profile(Inputs.jfr(
                Inputs.digest(-1, Double.NaN, Double.NaN, Double.NaN, Map.of("dev.oktyv.Pool", 1e8), Map.of()))));
        assertThat(fine.severity()).isEqualTo(Severity.OK);
    }

    @Test
    void exceptions() {
        RuleResult bad = new ExceptionRateRule().evaluate(Inputs.profile(Inputs.jfr(
                Inputs.digest(-1, Double.NaN, Double.NaN, 200_000, Map.of(), Map.of()))));
        assertThat(bad.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(bad.summary()).contains("20000 exceptions per second");
        RuleResult fine = new ExceptionRateRule().evaluate(Inputs.profile(Inputs.jfr(
                Inputs.digest(-1, Double.NaN, Double.NaN, 30, Map.of(), Map.of()))));
        assertThat(fine.severity()).isEqualTo(Severity.OK);
        assertThat(new ExceptionRateRule().evaluate(Inputs.profile(Inputs.jfr(
                Inputs.digest(-1, Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of())))).applicable()).isFalse();
    }

    @Test
    void io() {
        RuleResult bad = new IoRule().evaluate(Inputs.profile(Inputs.jfr(Inputs.digest(-1, Double.NaN, Double.NaN, Double.NaN,
                Map.of(), Map.of("file:/tmp/x.db", 3e9, "socket:db:5432", 1e9)))));
        assertThat(bad.severity()).isEqualTo(Severity.WARNING);
        assertThat(bad.summary()).contains("file:/tmp/x.db");
        RuleResult fine = new IoRule().evaluate(Inputs.profile(Inputs.jfr(Inputs.digest(-1, Double.NaN, Double.NaN, Double.NaN,
                Map.of(), Map.of("file:/tmp/x.db", 5e7)))));
        assertThat(fine.severity()).isEqualTo(Severity.OK);
    }

    @Test
    void loadErrorRateDroppedAndCorrectedGap() {
        assertThat(new LoadErrorRateRule().evaluate(Inputs.loads(Inputs.load(10_000, 200, 0, 1e6, 1e6, List.of()))).severity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(new LoadErrorRateRule().evaluate(Inputs.loads(Inputs.load(10_000, 0, 0, 1e6, 1e6, List.of()))).severity())
                .isEqualTo(Severity.OK);
        assertThat(new DroppedStartsRule().evaluate(Inputs.loads(Inputs.load(10_000, 0, 5, 1e6, 1e6, List.of()))).severity())
                .isEqualTo(Severity.WARNING);
        assertThat(new DroppedStartsRule().evaluate(Inputs.loads(Inputs.load(10_000, 0, 0, 1e6, 1e6, List.of()))).severity())
                .isEqualTo(Severity.OK);
        RuleResult gap = new CoordinatedOmissionGapRule().evaluate(Inputs.loads(Inputs.load(1, 0, 0, 250e6, 12e6, List.of())));
        assertThat(gap.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(gap.summary()).contains("20.8×");
        assertThat(new CoordinatedOmissionGapRule().evaluate(Inputs.loads(Inputs.load(1, 0, 0, 13e6, 12e6, List.of()))).severity())
                .isEqualTo(Severity.OK);
        assertThat(new LoadErrorRateRule().evaluate(Inputs.loads(Inputs.load(Double.NaN, Double.NaN, Double.NaN, 1e6, 1e6, List.of())))
                .applicable()).isFalse();
    }

    @Test
    void latencyKnee() {
        List<StressStep> knee = List.of(step(100, 100, 2e6), step(200, 200, 2.2e6), step(400, 398, 2.5e6),
                step(800, 610, 40e6), step(1600, 620, 900e6));
        RuleResult r = new LatencyKneeRule().evaluate(Inputs.loads(Inputs.load(1, 0, 0, Double.NaN, Double.NaN, knee)));
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.summary()).contains("knee at 800/s");
        assertThat(r.impactBound()).get().asString().contains("398/s");
        List<StressStep> flat = List.of(step(100, 100, 2e6), step(200, 200, 2.1e6), step(400, 399, 2.4e6));
        assertThat(new LatencyKneeRule().evaluate(Inputs.loads(Inputs.load(1, 0, 0, Double.NaN, Double.NaN, flat))).severity())
                .isEqualTo(Severity.OK);
    }

    @Test
    void latencyKneeRateStepsTooShortOfTheirOfferedRate() {
        // p99 stays flat, but at 400/s offered only 300/s complete: the generator cannot push more through.
        List<StressStep> shortfall = List.of(step(100, 100, 2e6), step(200, 199, 2e6), step(400, 300, 2.2e6));
        RuleResult r = new LatencyKneeRule().evaluate(Inputs.loads(Inputs.load(1, 0, 0, Double.NaN, Double.NaN, shortfall)));
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.summary()).contains("knee at 400/s offered").contains("achieved 300/s");
    }

    @Test
    void pairedVariantsByMethodNameAndByParam() {
        SyntheticJmh jmh = new SyntheticJmh()
                .add("b.Db.queryPerQuery", "avgt", Map.of(), "us/op", new double[][] {{1230, 1240}, {1225, 1235}, {1232, 1228}}, null)
                .add("b.Db.queryPooled", "avgt", Map.of(), "us/op", new double[][] {{100, 101}, {99, 100}, {100.5, 99.5}}, null)
                .add("b.Mail.send", "thrpt", Map.of("variant", "baseline"), "ops/s", new double[][] {{100, 101}, {99, 100}}, null)
                .add("b.Mail.send", "thrpt", Map.of("variant", "batched"), "ops/s", new double[][] {{99, 101}, {100, 100}}, null);
        RuleResult r = new PairedVariantRule().evaluate(Inputs.jmh(jmh));
        assertThat(r.evidence()).hasSize(2);
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e.value()).isCloseTo(12.3, org.assertj.core.data.Offset.offset(0.05)));
        // The batched mail variant buys nothing measurable: that is the headline warning.
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.summary()).contains("variant=batched").contains("not measurably faster");
        SyntheticJmh onlyGood = new SyntheticJmh()
                .add("b.Db.queryPerQuery", "avgt", Map.of(), "us/op", new double[][] {{1230, 1240}, {1225, 1235}}, null)
                .add("b.Db.queryPooled", "avgt", Map.of(), "us/op", new double[][] {{100, 101}, {99, 100}}, null);
        RuleResult good = new PairedVariantRule().evaluate(Inputs.jmh(onlyGood));
        assertThat(good.severity()).isEqualTo(Severity.INFO);
        assertThat(good.impactBound()).get().asString().contains("measured 12.3").contains("× faster");
    }

    private static StressStep step(double offered, double achieved, double p99) {
        return new StressStep("step", StressLevel.rate(offered), achieved, p99, 0, Inputs.RUN_DIR.resolve("load/s/stress.json"));
    }
}
