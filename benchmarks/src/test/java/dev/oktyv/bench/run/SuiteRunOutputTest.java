package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.catalog.BenchmarkCatalog;
import dev.oktyv.bench.catalog.BenchmarkInfo;
import dev.oktyv.bench.catalog.BenchmarkSelector;
import dev.oktyv.bench.testing.PrintingBenchmark;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.results.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A forked benchmark's own System.out lines (the cache benchmarks print their hit ratio) go where JMH's output goes,
 * the stream SuiteRun is given (readiness: its run's log only), never onto the terminal, i.e. the readiness console;
 * so do its System.err lines (a fork's java.util.logging INFO lines, HikariCP's pool start and stop).
 */
class SuiteRunOutputTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void aForkedBenchmarksPrintsGoToTheRunsLogNotToTheTerminal() throws Exception {
        List<BenchmarkInfo> printing = BenchmarkSelector.select(
                BenchmarkCatalog.fromClassPath(getClass().getClassLoader()), List.of("PrintingBenchmark"), List.of());
        assertThat(printing).hasSize(1);
        // One real fork: the line crosses JMH's binary link, as in readiness.
        RunOptions options = new RunOptions(List.of(), List.of(), Preset.QUICK, OptionalInt.of(1), OptionalInt.of(0),
                OptionalInt.of(1), Optional.empty(), Optional.of(Duration.ofMillis(100)), OptionalInt.empty(),
                List.of(Mode.AverageTime), Optional.of(TimeUnit.MICROSECONDS), Map.of(), List.of(), List.of(), false,
                tmp, ProfileRequest.NONE);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ByteArrayOutputStream terminalErr = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(terminalErr, true, StandardCharsets.UTF_8));
        SuiteOutcome outcome;
        try {
            outcome = new SuiteRun(options, printing, RunFolder.open(Files.createDirectory(tmp.resolve("20261203T093506Z-b2d91f2c71-dirty"))),
                    echo -> new PrintStream(OutputStream.nullOutputStream()) {
                        @Override
                        public void write(byte[] b, int off, int len) {
                            log.write(b, off, len);
                        }

                        @Override
                        public void write(int b) {
                            log.write(b);
                        }
                    }, OutputStream.nullOutputStream(), VerboseMode.NORMAL, r -> { }).execute();
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        assertThat(outcome.failed()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(PrintingBenchmark.LINE, PrintingBenchmark.ERR_LINE);
        assertThat(terminal.toString(StandardCharsets.UTF_8)).doesNotContain(PrintingBenchmark.LINE);
        assertThat(terminalErr.toString(StandardCharsets.UTF_8)).doesNotContain(PrintingBenchmark.ERR_LINE);
    }
}
