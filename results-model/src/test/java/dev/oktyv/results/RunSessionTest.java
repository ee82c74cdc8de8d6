package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSessionTest {

    @TempDir
    Path tmp;

    /** A clock the test moves by hand. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-28T00:15:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();

    @Test
    void recordsIncompleteFirstThenSealsWithTheFinalStatus() throws IOException {
        ResultsStore store = new ResultsStore(tmp.resolve("results"));
        try (RunSession s = RunSession.start(store, tmp, List.of("run", "--quick"), clock)) {
            RunFolder folder = s.folder();
            assertThat(folder.id().value()).isEqualTo("20261128T001500Z-unknown");
            RunMetadata started = folder.readMetadata();
            assertThat(started.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(started.endedAt()).isEmpty();
            assertThat(started.commandLine()).containsExactly("run", "--quick");
            assertThat(started.git()).isEqualTo(GitInfo.unknown());
            assertThat(folder.path().resolve("console.log.partial")).exists();
            assertThat(folder.consoleLog()).doesNotExist();

            clock.now = clock.now.plus(Duration.ofSeconds(61));
            s.finish(RunStatus.COMPLETE);

            RunMetadata done = folder.readMetadata();
            assertThat(done.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(done.endedAt()).contains(Instant.parse("2026-11-28T00:16:01Z"));
            assertThat(done.startedAt()).isEqualTo(started.startedAt());
            assertThat(folder.consoleLog()).exists();
            assertThat(folder.path().resolve("console.log.partial")).doesNotExist();
        }
        // close() after finish() must not turn a complete run into a failed one.
        RunFolder only = store.list().get(0);
        assertThat(only.readMetadata().status()).isEqualTo(RunStatus.COMPLETE);
    }

    @Test
    void closingWithoutFinishRecordsFailed() throws IOException {
        ResultsStore store = new ResultsStore(tmp);
        RunFolder folder;
        try (RunSession s = RunSession.start(store, tmp, List.of(), clock)) {
            folder = s.folder();
        }
        assertThat(folder.readMetadata().status()).isEqualTo(RunStatus.FAILED);
        assertThat(folder.readMetadata().endedAt()).isPresent();
    }

    @Test
    void consoleTeesIntoTheLogAndStopsAtFinish() throws IOException {
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        RunSession s = RunSession.start(new ResultsStore(tmp), tmp, List.of(), clock);
        PrintStream console = s.console(echo);
        console.println("Benchmark  Score ± Error");
        s.console(echo).println("second stream");
        s.finish(RunStatus.COMPLETE);
        console.println("after the end");

        String log = Files.readString(s.folder().consoleLog(), StandardCharsets.UTF_8);
        assertThat(log).isEqualTo("Benchmark  Score ± Error\nsecond stream\n");
        assertThat(echo.toString(StandardCharsets.UTF_8)).endsWith("after the end\n");
    }

    @Test
    void twoSessionsInOneSecondGetTwoFolders() throws IOException {
        ResultsStore store = new ResultsStore(tmp);
        RunSession a = RunSession.start(store, tmp, List.of("a"), clock);
        RunSession b = RunSession.start(store, tmp, List.of("b"), clock);
        a.finish(RunStatus.COMPLETE);
        b.finish(RunStatus.FAILED);
        assertThat(b.folder().id().value()).isEqualTo(a.folder().id().value() + "-2");
        assertThat(a.folder().readMetadata().commandLine()).containsExactly("a");
        assertThat(b.folder().readMetadata().status()).isEqualTo(RunStatus.FAILED);
        assertThat(a.metadata().endedAt()).isEqualTo(Optional.of(clock.now));
    }
}
