package dev.oktyv.bench.load.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.bench.load.executor.Outcome;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoolPrimerTest {

    @Test
    void wavesDoubleThenGrowByAtMostTheStepUpToTheConcurrency() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        int sent = PoolPrimer.prime(() -> {
            calls.incrementAndGet();
            return Outcome.OK;
        }, 60, () -> 60);
        // 1, 2, 4, 8, 16, 32, then +25 capped: 57, 60
        assertThat(sent).isEqualTo(1 + 2 + 4 + 8 + 16 + 32 + 57 + 60).isEqualTo(calls.get());
    }

    @Test
    void theLastWaveIsRepeatedWhileTheServerHoldsFewerConnectionsThanTheConcurrency() throws Exception {
        AtomicInteger connections = new AtomicInteger(2);
        int sent = PoolPrimer.prime(() -> Outcome.OK, 4, () -> connections.getAndAdd(1));
        // waves 1, 2, 4; the server then reports 2 and 3 connections (< 4): two more waves of 4; then 4: done
        assertThat(sent).isEqualTo(1 + 2 + 4 + 4 + 4);
    }

    @Test
    void aWaveThatFailsIsSentAgainAndSucceedsOnceTheFailuresStop() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        int sent = PoolPrimer.prime(() -> failuresLeft.getAndDecrement() > 0
                ? Outcome.httpStatus(503) : Outcome.OK, 1, () -> 1);
        assertThat(sent).isEqualTo(3);
    }

    @Test
    void aWaveThatKeepsFailingFailsThePrimingNamingTheFailure() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> PoolPrimer.prime(() -> {
            calls.incrementAndGet();
            throw new java.io.IOException("handshake timed out");
        }, 3, () -> 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wave of 1 concurrent requests failed 4 times")
                .hasMessageContaining("handshake timed out");
        assertThat(calls).hasValue(PoolPrimer.ATTEMPTS_PER_WAVE);
    }
}
