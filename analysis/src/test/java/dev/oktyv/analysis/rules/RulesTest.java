package dev.oktyv.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        // Allocation stacks end in the allocated type, called by the allocating method: a site is both.
        var sites = new dev.oktyv.analysis.model.FrameHistogram.Builder("alloc").source(Inputs.JFR)
                .add(List.of("java.lang.Thread.run", "b.A.alloc", "java.util.ArrayList.grow", "java.lang.Object[]"), 750)
                .add(List.of("java.lang.Thread.run", "b.A.alloc", "b.A.other", "java.lang.Object[]"), 150)
                .add(List.of("java.lang.Thread.run", "b.A.alloc", "b.A.other", "byte[]"), 100).build();
        WorkloadProfile p = new WorkloadProfile("b.A.alloc", java.util.Optional.empty(), java.util.Optional.of(sites),
                java.util.Optional.empty(), List.of());
        RuleResult r = new AllocationRule().evaluate(new AnalysisInput(Inputs.run(jmh), List.of(p), List.of()));
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.impactBound()).get().asString().contains("site java.lang.Object[] by java.util.ArrayList.grow holds 75.0%")
                .contains("at most 1500 of 2000 B/op");
        assertThat(r.evidence()).extracting(Evidence::quantity).contains("allocation share of java.lang.Object[] by b.A.other",
                "allocation share of byte[] by b.A.other");
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
                .add("b.Mail.send", "thrpt", Map.of("variant", "baseline"), "ops/s", new double[][] {{100, 101}, {99, 100}, {100, 100.5}}, null)
                .add("b.Mail.send", "thrpt", Map.of("variant", "batched"), "ops/s", new double[][] {{90, 91}, {90.5, 90}, {89.5, 90}}, null);
        RuleResult r = new PairedVariantRule().evaluate(Inputs.jmh(jmh));
        assertThat(r.evidence()).hasSize(6); // per pair: the speed-up and the two ends of its interval
        assertThat(r.evidence()).filteredOn(e -> e.quantity().equals("speed-up")).anySatisfy(e -> assertThat(e.value()).isCloseTo(12.3, org.assertj.core.data.Offset.offset(0.05)));
        // The batched mail variant is measurably slower (its interval excludes any gain): that is the headline warning.
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.summary()).contains("variant=batched").contains("not measurably faster");
        assertThat(r.fix()).contains("remove it");
        SyntheticJmh onlyGood = new SyntheticJmh()
                .add("b.Db.queryPerQuery", "avgt", Map.of(), "us/op", new double[][] {{1230, 1240}, {1225, 1235}}, null)
                .add("b.Db.queryPooled", "avgt", Map.of(), "us/op", new double[][] {{100, 101}, {99, 100}}, null);
        RuleResult good = new PairedVariantRule().evaluate(Inputs.jmh(onlyGood));
        assertThat(good.severity()).isEqualTo(Severity.INFO);
        assertThat(good.impactBound()).get().asString().contains("connection pooling").contains("12.3")
                .contains("× speed (time per operation) [").endsWith(", measured");
    }

    @Test
    void aPairThatCannotBeTestedSaysSoAtTheLowestSeverityAndNeverAdvisesRemoval() {
        // One fork per side, as in the issue: a 376x observed speed-up that no test stands behind.
        SyntheticJmh oneFork = new SyntheticJmh()
                .add("b.Db.queryPerQuery", "avgt", Map.of(), "us/op", new double[][] {{37625, 37625}}, null)
                .add("b.Db.queryCached", "avgt", Map.of(), "us/op", new double[][] {{100, 100}}, null);
        RuleResult r = new PairedVariantRule().evaluate(Inputs.jmh(oneFork));
        assertThat(r.severity()).isEqualTo(Severity.INFO);
        assertThat(r.summary()).contains("cannot test", "376.25× (untested)", "at least 2 forks");
        assertThat(r.fix()).doesNotContain("remove").contains("rerun with more forks");
        // Tested but too noisy to tell: the interval still allows a gain, so still no advice to remove it.
        SyntheticJmh noisy = new SyntheticJmh()
                .add("b.Db.queryPerQuery", "avgt", Map.of(), "us/op", new double[][] {{100, 100}, {130, 130}}, null)
                .add("b.Db.queryCached", "avgt", Map.of(), "us/op", new double[][] {{90, 90}, {125, 125}}, null);
        RuleResult n = new PairedVariantRule().evaluate(Inputs.jmh(noisy));
        assertThat(n.severity()).isEqualTo(Severity.INFO);
        assertThat(n.summary()).contains("the interval still allows a gain");
        assertThat(n.fix()).doesNotContain("remove");
    }

    @Test
    void twoValuedParamsPairAndAUserDeclaredPairingOverridesTheGuess() {
        SyntheticJmh jmh = new SyntheticJmh()
                .add("b.Rules.eval", "avgt", Map.of("useCache", "true", "size", "10"), "us/op", new double[][] {{10, 10.1}, {9.9, 10}, {10, 10}}, null)
                .add("b.Rules.eval", "avgt", Map.of("useCache", "false", "size", "10"), "us/op", new double[][] {{50, 50.2}, {49.8, 50}, {50.1, 50}}, null)
                .add("b.Rules.scan", "avgt", Map.of("index", "ON"), "us/op", new double[][] {{5, 5}, {5.1, 5}}, null)
                .add("b.Rules.scan", "avgt", Map.of("index", "OFF"), "us/op", new double[][] {{20, 20}, {20.1, 20}}, null)
                .add("b.Rules.load", "avgt", Map.of("mode", "lazy"), "us/op", new double[][] {{1, 1}, {1.01, 1}}, null)
                .add("b.Rules.load", "avgt", Map.of("mode", "eager"), "us/op", new double[][] {{3, 3}, {3.01, 3}}, null);
        List<VariantPairs.Pair> guessed = VariantPairs.find(Inputs.run(jmh).results());
        assertThat(guessed).extracting(p -> p.optimised().id().label() + " vs " + p.baseline().id().label())
                .containsExactlyInAnyOrder("Rules.eval [size=10, useCache=true] (avgt) vs Rules.eval [size=10, useCache=false] (avgt)",
                        "Rules.scan [index=ON] (avgt) vs Rules.scan [index=OFF] (avgt)");
        List<VariantPairs.Pair> declared = VariantPairs.find(Inputs.run(jmh).results(),
                List.of(DeclaredPair.parse("mode=lazy:eager"), DeclaredPair.parse("useCache=false:true")));
        assertThat(declared).extracting(p -> p.optimised().id().label())
                .containsExactlyInAnyOrder("Rules.load [mode=lazy] (avgt)", "Rules.eval [size=10, useCache=false] (avgt)",
                        "Rules.scan [index=ON] (avgt)");
        RuleResult r = new PairedVariantRule().evaluate(Inputs.jmh(jmh).withDeclaredPairs(List.of(DeclaredPair.parse("mode=lazy:eager"))));
        assertThat(r.evidence()).hasSize(9); // three pairs, each with the speed-up and the two ends of its interval
        assertThatThrownBy(() -> DeclaredPair.parse("useCache=true")).hasMessageContaining("'useCache=true' is not of the form");
    }

    private static StressStep step(double offered, double achieved, double p99) {
        return new StressStep("step", StressLevel.rate(offered), achieved, p99, 0, Inputs.RUN_DIR.resolve("load/s/stress.json"));
    }
}
