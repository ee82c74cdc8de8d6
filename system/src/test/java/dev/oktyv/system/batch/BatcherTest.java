package dev.oktyv.system.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatcherTest {

    private static final Duration WAIT = Duration.ofMillis(50);

    private final ManualBatchTimer timer = new ManualBatchTimer();
    private final List<List<Integer>> batches = new ArrayList<>();

    private Batcher<Integer> batcher(int maxSize) {
        return new Batcher<>(new BatcherConfig(maxSize, WAIT), b -> batches.add(List.copyOf(b)), timer);
    }

    @Test
    void sizeFlushThenLaterSmallBatchIsFlushedByTheTimer() {
        Batcher<Integer> b = batcher(3);
        List<CompletableFuture<Void>> first = List.of(b.submit(1), b.submit(2), b.submit(3));
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(first).allMatch(CompletableFuture::isDone);
        assertThat(timer.liveTasks()).as("size flush cancels the first batch's timer").isZero();

        // The original hung here: the timer was spent/cancelled and nothing re-armed it for the next batch.
        CompletableFuture<Void> late = b.submit(4);
        assertThat(late).isNotDone();
        timer.advance(WAIT.minusMillis(1));
        assertThat(late).isNotDone();
        timer.advance(Duration.ofMillis(1));
        assertThat(late).isCompleted();
        assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4));
    }

    @Test
    void staleTimerDoesNotFlushTheNextBatchEarly() {
        Batcher<Integer> b = batcher(2);
        b.submit(1);                      // arms timer for generation 0 at t=50ms
        timer.advance(Duration.ofMillis(40));
        b.submit(2);                      // size flush at t=40ms
        CompletableFuture<Void> next = b.submit(3); // arms a new timer due at t=90ms
        timer.advance(Duration.ofMillis(10));       // t=50ms: the old timer, had it survived, would fire now
        assertThat(next).isNotDone();
        timer.advance(Duration.ofMillis(40));
        assertThat(next).isCompleted();
        assertThat(batches).containsExactly(List.of(1, 2), List.of(3));
    }

    @Test
    void failingBatchSettlesEveryFutureAndTheNextBatchStillWorks() {
        List<List<Integer>> seen = new ArrayList<>();
        Batcher<Integer> b = new Batcher<>(new BatcherConfig(2, WAIT), batch -> {
            seen.add(List.copyOf(batch));
            if (batch.contains(13)) {
                throw new IllegalStateException("constraint violated by 13");
            }
        }, timer);
        CompletableFuture<Void> a = b.submit(12);
        CompletableFuture<Void> c = b.submit(13);
        assertThat(a).isCompletedExceptionally();
        assertThat(c).isCompletedExceptionally();
        assertThatThrownBy(a::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BatchFailedException.class)
                .hasRootCauseMessage("constraint violated by 13");

        CompletableFuture<Void> d = b.submit(14);
        timer.advance(WAIT);
        assertThat(d).isCompleted();
        assertThat(d).isNotCompletedExceptionally();
        assertThat(seen).containsExactly(List.of(12, 13), List.of(14));
    }

    @Test
    void timeFlushedFailingBatchIsAlsoSettled() {
        Batcher<Integer> b = new Batcher<>(new BatcherConfig(10, WAIT), batch -> {
            throw new java.io.IOException("disk full");
        }, timer);
        CompletableFuture<Void> f = b.submit(1);
        timer.advance(WAIT);
        assertThat(f).isCompletedExceptionally();
    }

    @Test
    void closeFlushesPendingAndRejectsLaterItems() {
        Batcher<Integer> b = batcher(10);
        CompletableFuture<Void> x = b.submit(1);
        CompletableFuture<Void> y = b.submit(2);
        b.close();
        assertThat(x).isCompleted();
        assertThat(y).isCompleted();
        assertThat(batches).containsExactly(List.of(1, 2));
        assertThat(timer.liveTasks()).isZero();

        CompletableFuture<Void> after = b.submit(3);
        assertThat(after).isCompletedExceptionally();
        assertThatThrownBy(after::get).hasCauseInstanceOf(IllegalStateException.class);
        b.close(); // idempotent, nothing more to flush
        assertThat(batches).hasSize(1);
    }

    @Test
    void realScheduledTimerFlushesWithoutASizeTrigger() throws Exception {
        ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
        try (Batcher<Integer> b = new Batcher<>(new BatcherConfig(100, Duration.ofMillis(5)),
                batch -> { }, new ScheduledBatchTimer(ses))) {
            // Bounded wait: if the timer path were broken this fails after 10 s instead of hanging the build.
            b.submit(1).get(10, TimeUnit.SECONDS);
            b.submit(2).get(10, TimeUnit.SECONDS);
        } finally {
            ses.shutdownNow();
        }
    }

    @Test
    void configRejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> new BatcherConfig(0, WAIT)).hasMessageContaining("maxBatchSize").hasMessageContaining("0");
        assertThatThrownBy(() -> new BatcherConfig(5, Duration.ZERO)).hasMessageContaining("maxWait").hasMessageContaining("PT0S");
    }
}
