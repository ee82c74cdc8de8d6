package dev.oktyv.results.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssessorTest {

    static final Duration T = Duration.ofSeconds(2);
    static final Assessor DEFAULT = new Assessor(Criteria.DEFAULTS);

    /** Figures that meet every default criterion. */
    static List<PhaseFigures> passing() {
        return List.of(
                new PhaseFigures.Load(10_000, 0.2, 40.0),
                new PhaseFigures.Security(96.0, 0, 0, 30),
                new PhaseFigures.Performance(List.of(LOAD_LATENCY, JMH_LATENCY)),
                new PhaseFigures.Monitoring(5, 5, 200, 200, "DEGRADED", "UP", 1, 1),
                new PhaseFigures.Recovery(100.0, 5, 0));
    }

    static final PhaseFigures.OperationLatency LOAD_LATENCY =
            new PhaseFigures.OperationLatency("load corrected latencies", 12.5, 60.0);
    static final PhaseFigures.OperationLatency JMH_LATENCY =
            new PhaseFigures.OperationLatency("benchmark X, the slowest (JMH sample time per operation)", 3.0, 9.0);

    /** The load scenarios meet the criterion; only the benchmarks' per-operation time decides. */
    static PhaseFigures jmh(double averageMillis, double p95Millis) {
        return new PhaseFigures.Performance(List.of(LOAD_LATENCY, new PhaseFigures.OperationLatency(
                "benchmark Y, the slowest (JMH sample time per operation)", averageMillis, p95Millis)));
    }

    static ReadinessReport report(List<PhaseFigures> figures, Set<Phase> selected) {
        List<PhaseResult> results = new ArrayList<>();
        for (PhaseFigures f : figures) {
            PhaseResult r = DEFAULT.assess(f, T);
            if (selected.contains(r.phase())) {
                results.add(r);
            }
        }
        return ReadinessReport.of(Instant.parse("2026-12-03T10:00:00Z"), Duration.ofSeconds(90), true,
                Criteria.DEFAULTS, selected, results);
    }

    static Stream<Arguments> eachCriterionFailingAlone() {
        return Stream.of(
                Arguments.of(Phase.LOAD, new PhaseFigures.Load(10_000, 1.0, 40.0), "worst error rate < 1%"),
                Arguments.of(Phase.SECURITY, new PhaseFigures.Security(89.9, 0, 0, 30), "score >= 90"),
                Arguments.of(Phase.SECURITY, new PhaseFigures.Security(97.0, 1, 0, 30), "no CRITICAL failure"),
                Arguments.of(Phase.PERFORMANCE, new PhaseFigures.Performance("x", 100.0, 60.0), "average < 100 ms"),
                Arguments.of(Phase.PERFORMANCE, new PhaseFigures.Performance("x", 10.0, 200.0), "p95 < 200 ms"),
                Arguments.of(Phase.MONITORING, new PhaseFigures.Monitoring(5, 4, 200, 200, "DEGRADED", "UP", 1, 1),
                        "all health checks passing"),
                Arguments.of(Phase.MONITORING, new PhaseFigures.Monitoring(5, 5, 200, 199, "DEGRADED", "UP", 1, 1),
                        "/metrics counts every request sent"),
                Arguments.of(Phase.MONITORING, new PhaseFigures.Monitoring(5, 5, 200, 200, "UP", "UP", 1, 1),
                        "/health DEGRADED or DOWN with a dependency down, UP once it is back"),
                Arguments.of(Phase.MONITORING, new PhaseFigures.Monitoring(5, 5, 200, 200, "DOWN", "DEGRADED", 1, 1),
                        "/health DEGRADED or DOWN with a dependency down, UP once it is back"),
                Arguments.of(Phase.MONITORING, new PhaseFigures.Monitoring(5, 5, 200, 200, "DEGRADED", "UP", 0, 0),
                        "an alert fires under an error burst and resolves after it"),
                Arguments.of(Phase.MONITORING, new PhaseFigures.Monitoring(5, 5, 200, 200, "DEGRADED", "UP", 1, 0),
                        "an alert fires under an error burst and resolves after it"),
                Arguments.of(Phase.RECOVERY, new PhaseFigures.Recovery(79.9, 4, 1), "success rate >= 80%"),
                // The JMH-derived latency fails alone, with the load scenarios fast.
                Arguments.of(Phase.PERFORMANCE, jmh(150.0, 180.0), "average < 100 ms"),
                Arguments.of(Phase.PERFORMANCE, jmh(20.0, 250.0), "p95 < 200 ms"),
                // JMH alone (the load phase did not run) still judges.
                Arguments.of(Phase.PERFORMANCE, new PhaseFigures.Performance(List.of(new PhaseFigures.OperationLatency(
                        "benchmark Z (JMH sample time per operation)", 120.0, 150.0))), "average < 100 ms"),
                // Missing data is never a pass.
                Arguments.of(Phase.PERFORMANCE, new PhaseFigures.Performance(List.of()), "average < 100 ms"),
                Arguments.of(Phase.PERFORMANCE, new PhaseFigures.Performance("x", Double.NaN, 60.0), "average < 100 ms"),
                Arguments.of(Phase.RECOVERY, new PhaseFigures.Recovery(Double.NaN, 0, 0), "success rate >= 80%"));
    }

    @Test
    void allPassingIsReady() {
        ReadinessReport r = report(passing(), EnumSet.allOf(Phase.class));
        assertThat(r.ready()).isTrue();
        assertThat(r.phases()).allMatch(p -> p.status() == PhaseStatus.READY);
        assertThat(r.blocking()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("eachCriterionFailingAlone")
    void eachCriterionFailingAloneFlipsExactlyItsPhaseAndTheVerdict(Phase phase, PhaseFigures bad, String criterion) {
        List<PhaseFigures> figures = new ArrayList<>(passing());
        figures.set(phase.ordinal(), bad);
        ReadinessReport r = report(figures, EnumSet.allOf(Phase.class));
        assertThat(r.ready()).isFalse();
        for (PhaseResult p : r.phases()) {
            assertThat(p.status()).as(p.phase().wireName())
                    .isEqualTo(p.phase() == phase ? PhaseStatus.NOT_READY : PhaseStatus.READY);
        }
        PhaseResult flipped = r.phases().get(phase.ordinal());
        assertThat(flipped.criteria()).filteredOn(c -> !c.met()).extracting(CriterionOutcome::requirement)
                .containsExactly(criterion);
        assertThat(r.blocking()).extracting(PhaseResult::phase).containsExactly(phase);
    }

    @Test
    void theErrorRateAtMaxLoadIsItsOwnCriterionNamingTheStep() {
        PhaseResult held = DEFAULT.assess(new PhaseFigures.Load(9_000, 0.0, 40.0,
                java.util.Optional.of("database step-04-200, 200 workers"), 0.5), T);
        assertThat(held.status()).isEqualTo(PhaseStatus.READY);
        PhaseResult broke = DEFAULT.assess(new PhaseFigures.Load(9_000, 0.0, 40.0,
                java.util.Optional.of("database step-04-200, 200 workers"), 2.0), T);
        assertThat(broke.status()).isEqualTo(PhaseStatus.NOT_READY);
        assertThat(broke.band()).contains(Band.ACCEPTABLE);
        assertThat(broke.criteria()).filteredOn(c -> !c.met()).extracting(CriterionOutcome::measured)
                .containsExactly("2% at database step-04-200, 200 workers");
        // A max-load step that completed nothing has no error rate: no evidence, no pass.
        assertThat(DEFAULT.assess(new PhaseFigures.Load(9_000, 0.0, 40.0,
                java.util.Optional.of("database step-04-200, 200 workers"), Double.NaN), T).status())
                .isEqualTo(PhaseStatus.NOT_READY);
    }

    /** Against a user's service: the drill cannot run there, and someone else's requests blur the count. */
    @Test
    void notApplicableCriteriaNeitherPassNorFailButAnUndercountStillFails() {
        java.util.Optional<String> noDrill = java.util.Optional.of("no fault proxy in front of its database");
        String nm = PhaseFigures.Monitoring.NOT_MEASURED;
        PhaseResult shared = DEFAULT.assess(new PhaseFigures.Monitoring(3, 3, 50, 57, nm, nm, 0, 0, true, noDrill), T);
        assertThat(shared.status()).isEqualTo(PhaseStatus.READY);
        assertThat(shared.criteria()).filteredOn(CriterionOutcome::met).extracting(CriterionOutcome::requirement)
                .containsExactly("all health checks passing");
        assertThat(shared.criteria()).filteredOn(c -> c.notApplicable().isPresent()).hasSize(3)
                .allMatch(c -> !c.met() && c.measured().startsWith("not applicable, because "));
        assertThat(shared.criteria().get(1).notApplicable()).hasValue(
                "counts not exact: other traffic seen (57 counted of 50 sent)");

        PhaseResult under = DEFAULT.assess(new PhaseFigures.Monitoring(3, 3, 50, 49, nm, nm, 0, 0, false, noDrill), T);
        assertThat(under.status()).isEqualTo(PhaseStatus.NOT_READY);
        assertThat(under.criteria()).filteredOn(c -> !c.holds()).extracting(CriterionOutcome::requirement)
                .containsExactly("/metrics counts every request sent");

        // Nothing judged is no evidence: a phase whose every criterion is not applicable is not READY.
        assertThat(PhaseResult.judged(Phase.MONITORING, Band.GOOD,
                List.of(CriterionOutcome.notApplicable("x", "y")), List.of(), T).status())
                .isEqualTo(PhaseStatus.NOT_READY);
    }

    @Test
    void excludedPhasesDoNotCountButASelectedPhaseThatCouldNotRunBlocks() {
        Set<Phase> two = EnumSet.of(Phase.SECURITY, Phase.RECOVERY);
        ReadinessReport excluded = report(passing(), two);
        assertThat(excluded.ready()).isTrue();
        assertThat(excluded.phases().get(Phase.LOAD.ordinal()).notRunReason()).contains(ReadinessReport.EXCLUDED);

        List<PhaseResult> results = new ArrayList<>(List.of(DEFAULT.assess(passing().get(1), T),
                PhaseResult.notRun(Phase.RECOVERY, "no time under --quick")));
        ReadinessReport blocked = ReadinessReport.of(Instant.EPOCH, T, true, Criteria.DEFAULTS, two, results);
        assertThat(blocked.ready()).isFalse();
        assertThat(blocked.blocking()).extracting(PhaseResult::phase).containsExactly(Phase.RECOVERY);
    }

    @Test
    void eachPerformanceSourceIsJudgedOnItsOwnLineLabelledWithTheSource() {
        PhaseResult r = DEFAULT.assess(jmh(150.0, 180.0), T);
        assertThat(r.criteria()).hasSize(4);
        assertThat(r.criteria()).filteredOn(c -> !c.met()).extracting(CriterionOutcome::measured)
                .containsExactly("150 ms, benchmark Y, the slowest (JMH sample time per operation)");
        assertThat(r.criteria()).filteredOn(CriterionOutcome::met).extracting(CriterionOutcome::measured)
                .anyMatch(m -> m.endsWith("load corrected latencies"));
        // The figures and the band read the worst source.
        assertThat(r.figures()).extracting(Figure::value).containsExactly(150.0, 180.0);
        assertThat(r.band()).contains(Band.NEEDS_WORK);
    }

    @Test
    void customCriteriaMoveTheLine() {
        Criteria strict = new Criteria(1.0, 99.0, true, 100.0, 200.0, 80.0);
        PhaseResult r = new Assessor(strict).assess(new PhaseFigures.Security(96.0, 0, 0, 30), T);
        assertThat(r.status()).isEqualTo(PhaseStatus.NOT_READY);
        assertThat(r.band()).contains(Band.EXCELLENT); // bands are the seed's, independent of the criteria
    }

    @Test
    void bandsFollowTheSeed() {
        assertThat(DEFAULT.assess(new PhaseFigures.Load(1, 3.0, 300.0), T).band()).contains(Band.ACCEPTABLE);
        assertThat(DEFAULT.assess(new PhaseFigures.Load(1, 6.0, 100.0), T).band()).contains(Band.NEEDS_WORK);
        assertThat(DEFAULT.assess(new PhaseFigures.Security(92.0, 0, 1, 9), T).band()).contains(Band.GOOD);
        assertThat(DEFAULT.assess(new PhaseFigures.Performance("x", 40.0, 90.0), T).band()).contains(Band.EXCELLENT);
        assertThat(DEFAULT.assess(new PhaseFigures.Performance("x", 60.0, 150.0), T).band()).contains(Band.GOOD);
        assertThat(DEFAULT.assess(new PhaseFigures.Recovery(85.0, 17, 3), T).band()).contains(Band.GOOD);
    }
}
