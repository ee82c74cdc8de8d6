package dev.oktyv.bench.load.schedule;

import dev.oktyv.bench.duration.Durations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void constantRateStartsOnePeriodInAndEndsExactlyAtTheEnd() {
        ArrivalSchedule s = ArrivalSchedule.constant(200, Duration.ofSeconds(10), Duration.ZERO);
        assertThat(s.size()).isEqualTo(2000);
        assertThat(s.offsetNanos(0)).isEqualTo(5_000_000L);
        assertThat(s.offsetNanos(1)).isEqualTo(10_000_000L);
        assertThat(s.offsetNanos(1999)).isEqualTo(10_000_000_000L);
        assertThat(s.measuredTargetPerSecond()).isEqualTo(200.0);
    }

    @Test
    void fractionalRatesWork() {
        // wrk2 cannot express 0.5/s; here it is one start every 2 s.
        ArrivalSchedule s = ArrivalSchedule.constant(0.5, Duration.ofSeconds(10), Duration.ZERO);
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.offsetNanos(0)).isEqualTo(2_000_000_000L);
        assertThat(s.offsetNanos(4)).isEqualTo(10_000_000_000L);
    }

    @Test
    void aRateTooLowForTheDurationIsAnEmptyScheduleAndRejected() {
        assertThatThrownBy(() -> ArrivalSchedule.constant(0.05, Duration.ofSeconds(10), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts no operation");
        assertThatThrownBy(() -> ArrivalSchedule.constant(0, Duration.ofSeconds(10), Duration.ZERO))
                .hasMessageContaining("--rate must be a number greater than 0");
        assertThatThrownBy(() -> ArrivalSchedule.constant(-3, Duration.ofSeconds(10), Duration.ZERO))
                .hasMessageContaining("-3");
    }

    @Test
    void stagesRampLinearlyFromZero() {
        // 0 -> 100/s over 10 s: N(t) = 5 t^2, so 500 arrivals; the k-th (1-based) at sqrt(k / 5) s.
        // Then 10 s at 100/s: 1000 more; then 100 -> 0 over 10 s: 500 more.
        ArrivalSchedule s = ArrivalSchedule.staged(RateStage.parseList("10s:100,10s:100,10s:0"), Duration.ZERO);
        assertThat(s.size()).isEqualTo(2000);
        assertThat(s.offsetNanos(0) / 1e9).isCloseTo(Math.sqrt(1 / 5.0), within(1e-6));
        assertThat(s.offsetNanos(499) / 1e9).isCloseTo(10.0, within(1e-6));
        assertThat(s.offsetNanos(500) / 1e9).isCloseTo(10.01, within(1e-6));
        assertThat(s.offsetNanos(1999) / 1e9).isCloseTo(30.0, within(1e-6));
        assertThat(s.measuredTargetPerSecond()).isCloseTo(2000 / 30.0, within(1e-9));
    }

    @Test
    void offsetsIncreaseAndDueByInvertsThem() {
        ArrivalSchedule s = ArrivalSchedule.staged(RateStage.parseList("3s:50,2s:500,3s:7.5"), Duration.ofSeconds(1));
        long previous = -1;
        for (long i = 0; i < s.size(); i++) {
            long t = s.offsetNanos(i);
            assertThat(t).isGreaterThanOrEqualTo(previous);
            assertThat(s.dueBy(t)).as("arrivals due at the intended time of #%d", i).isGreaterThanOrEqualTo(i + 1);
            assertThat(s.dueBy(t - 2)).isLessThanOrEqualTo(i + 1);
            previous = t;
        }
        assertThat(s.dueBy(-1)).isZero();
        assertThat(s.dueBy(Long.MAX_VALUE / 2)).isEqualTo(s.size());
    }

    @Test
    void warmupRunsAtTheFirstRateAndIsNotMeasured() {
        ArrivalSchedule s = ArrivalSchedule.constant(100, Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(s.size()).isEqualTo(300);
        // Arrival #99 lands exactly on the 1 s boundary and closes the warm-up's last slot.
        assertThat(s.firstMeasuredIndex()).isEqualTo(100);
        assertThat(s.offsetNanos(99)).isEqualTo(s.measuredStartOffsetNanos());
        assertThat(s.offsetNanos(100)).isGreaterThan(s.measuredStartOffsetNanos());
        assertThat(s.measuredTargetPerSecond()).isEqualTo(100.0);
    }

    @Test
    void malformedStagesNameTheBadStage() {
        assertThatThrownBy(() -> RateStage.parseList("30s:100,60s")).hasMessageContaining("'60s'");
        assertThatThrownBy(() -> RateStage.parseList("30s:abc")).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> RateStage.parseList("30:100")).hasMessageContaining("'30'");
        assertThatThrownBy(() -> RateStage.parseList("0s:100")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> RateStage.parseList("10s:-5")).hasMessageContaining("-5");
        assertThatThrownBy(() -> RateStage.parseList("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ArrivalSchedule.staged(RateStage.parseList("10s:0"), Duration.ZERO))
                .hasMessageContaining("starts no operation");
        assertThat(RateStage.parseList(" 30s:100 , 1m:2.5 ")).containsExactly(
                new RateStage(Duration.ofSeconds(30), 100), new RateStage(Duration.ofMinutes(1), 2.5));
    }

    @Test
    void durationsNeedAUnit() {
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Durations.parse("30")).hasMessageContaining("'30'");
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("'-1s'");
        assertThatThrownBy(() -> Durations.parsePositive("--duration", "0s")).hasMessageContaining("--duration");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(List.of(Durations.format(Duration.ofMinutes(2)), Durations.format(Duration.ofMillis(250))))
                .containsExactly("2m", "250ms");
    }

    @Test
    void theSharesOfNAgentsInterleaveIntoTheFleetSchedule() {
        ArrivalSchedule fleet = ArrivalSchedule.constant(200, Duration.ofSeconds(10), Duration.ofSeconds(2));
        int agents = 4;
        List<Long> union = new java.util.ArrayList<>();
        long measured = 0;
        for (int i = 0; i < agents; i++) {
            ArrivalSchedule share = fleet.share(i, agents);
            assertThat(share.measuredTargetPerSecond()).isCloseTo(50.0, within(1e-9));
            measured += share.size() - share.firstMeasuredIndex();
            for (long k = 0; k < share.size(); k++) {
                union.add(share.offsetNanos(k));
            }
        }
        union.sort(null);
        assertThat(union).hasSize((int) fleet.size());
        for (int k = 0; k < union.size(); k++) {
            assertThat(union.get(k)).as("arrival %d", k).isCloseTo(fleet.offsetNanos(k), within(1L));
        }
        assertThat(measured).isEqualTo(fleet.size() - fleet.firstMeasuredIndex());
        // At 200/s over 4 agents each agent's gap is 20 ms: agent 0 starts a quarter of it in, agent 3 a whole gap.
        ArrivalSchedule quarter = ArrivalSchedule.constant(200, Duration.ofSeconds(1), Duration.ZERO);
        assertThat(quarter.share(0, 4).offsetNanos(0)).isEqualTo(5_000_000L);
        assertThat(quarter.share(3, 4).offsetNanos(0)).isEqualTo(20_000_000L);
        assertThat(quarter.share(3, 4).offsetNanos(1)).isEqualTo(40_000_000L);
        assertThatThrownBy(() -> quarter.share(4, 4)).hasMessageContaining("0..3, got 4");
        // Staged schedules split too: the shares of a ramp add up to the ramp.
        ArrivalSchedule ramp = ArrivalSchedule.staged(List.of(new RateStage(Duration.ofSeconds(4), 100)), Duration.ZERO);
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += ramp.share(i, 3).size();
        }
        assertThat(sum).isBetween(ramp.size() - 2, ramp.size());
    }
}
