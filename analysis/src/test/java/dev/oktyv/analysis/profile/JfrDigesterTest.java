package dev.oktyv.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.rules.AnalysisInput;
import dev.oktyv.analysis.rules.AnalysisInputLoader;
import dev.oktyv.analysis.rules.ExceptionRateRule;
import dev.oktyv.analysis.rules.LockContentionRule;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.Severity;
import dev.oktyv.analysis.testing.RunFixtures;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real (small) JFR recordings of workloads built to trigger the exception and lock rules, and a quiet one. */
class JfrDigesterTest {

    @TempDir
    Path dir;

    static final class ContendedMonitor {
    }

    @Test
    void busyRecordingTriggersExceptionAndLockRulesThroughTheRunFolder() throws Exception {
        RunFolder run = RunFixtures.create(new ResultsStore(dir), Instant.parse("2026-11-20T10:00:00Z"),
                RunFixtures.sha('a'), RunStatus.COMPLETE, null);
        // Two workloads, each recording only its own trouble, so the ratios do not depend on machine speed.
        Path throwy = run.profilesDir("dev.oktyv.Throwy.work");
        Path locky = run.profilesDir("dev.oktyv.Locky.work");
        Files.createDirectories(throwy);
        Files.createDirectories(locky);
        Path ioFile = dir.resolve("written.bin");
        record(throwy.resolve("jfr-f1.jfr"), () -> {
            for (int i = 0; i < 3_000; i++) {
                try {
                    throw new IllegalStateException("control flow " + i);
                } catch (IllegalStateException expected) {
                    // the point is the throw
                }
            }
            try {
                Files.write(ioFile, new byte[1 << 20]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.gc();
        });
        record(locky.resolve("jfr-f1.jfr"), JfrDigesterTest::contend);
        JfrDigest d = JfrDigester.digest(throwy.resolve("jfr-f1.jfr"));
        assertThat(d.exceptionsThrown()).isGreaterThanOrEqualTo(3_000);
        assertThat(d.gcPauseCount().orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(d.ioBytesByTarget()).containsKey(dev.oktyv.analysis.model.IoTarget.file(ioFile.toAbsolutePath().toString()));
        JfrDigest l = JfrDigester.digest(locky.resolve("jfr-f1.jfr"));
        assertThat(l.monitorBlockedNanosByClass()).containsKey(ContendedMonitor.class.getName());
        assertThat(l.monitorBlockedNanosByClass().get(ContendedMonitor.class.getName())).isGreaterThan(50e6);
        Path jfr = locky;

        AnalysisInput in = AnalysisInputLoader.load(run);
        assertThat(in.profiles()).extracting(p -> p.workloadId()).containsExactly("dev.oktyv.Locky.work", "dev.oktyv.Throwy.work");
        RuleResult locks = new LockContentionRule().evaluate(in);
        assertThat(locks.severity()).isGreaterThanOrEqualTo(Severity.WARNING);
        assertThat(locks.evidence()).anySatisfy(e -> assertThat(e.source()).isEqualTo(jfr.resolve("jfr-f1.jfr")));
        RuleResult ex = new ExceptionRateRule().evaluate(in);
        assertThat(ex.applicable()).isTrue();
        assertThat(ex.evidence()).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("dev.oktyv.Throwy.work");
            assertThat(e.value()).isGreaterThan(100);
        });
    }

    @Test
    void quietRecordingDoesNotTriggerThem() throws Exception {
        Path f = dir.resolve("quiet.jfr");
        record(f, () -> {
            // Compute for 200 ms so that the 50 ms exception statistics are sampled at least twice.
            long x = 0;
            long end = System.nanoTime() + 200_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                x += i % 7;
            }
            assertThat(x).isPositive();
        });
        JfrDigest d = JfrDigester.digest(f);
        assertThat(d.monitorBlockedNanosByClass()).doesNotContainKey(ContendedMonitor.class.getName());
        assertThat(d.exceptionsThrown()).isLessThan(100);
    }

    @Test
    void notAJfrFileIsNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("fake.jfr"), "hello");
        assertThatThrownBy(() -> JfrDigester.digest(f)).hasMessageContaining("fake.jfr").hasMessageContaining("not a readable JFR");
    }

    private static void record(Path out, Runnable work) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("jdk.JavaExceptionThrow").withThreshold(Duration.ZERO);
            r.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1));
            r.enable("jdk.FileWrite").withThreshold(Duration.ZERO);
            r.enable("jdk.GarbageCollection");
            r.enable("jdk.ExceptionStatistics").withPeriod(Duration.ofMillis(50));
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            work.run();
            r.stop();
            r.dump(out);
        }
    }

    /** One thread holds the monitor while another is made to wait for it: real contention, ~100 ms. */
    private static void contend() {
        ContendedMonitor m = new ContendedMonitor();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (m) {
                held.countDown();
                long end = System.nanoTime() + 100_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
        });
        holder.start();
        try {
            held.await();
            long waitStart = System.nanoTime();
            synchronized (m) {
                assertThat(System.nanoTime() - waitStart).as("waited for the holder").isGreaterThan(50_000_000L);
            }
            holder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHotLambdaIsOneStableFrameInTheCpuHistogram() throws Exception {
        Path jfr = dir.resolve("lambda.jfr");
        java.util.function.LongUnaryOperator spin = x -> {
            for (int i = 0; i < 20_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            return x;
        };
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            r.start();
            long end = System.nanoTime() + 500_000_000L;
            long x = 1;
            while (System.nanoTime() - end < 0) {
                x = spin.applyAsLong(x);
            }
            r.stop();
            r.dump(jfr);
            assertThat(x).isNotZero();
        }
        JfrDigest d = JfrDigester.digest(jfr);
        assertThat(d.cpu()).isPresent();
        // This JVM names the lambda's class ...$$Lambda$N+0x<address>.<hash>; the digest must not.
        assertThat(d.cpu().get().inclusive().keySet())
                .anySatisfy(f -> assertThat(f).contains("JfrDigesterTest$$Lambda.applyAsLong"))
                .noneSatisfy(f -> assertThat(f).containsPattern("\\$\\$Lambda\\$\\d|0x\\p{XDigit}"));
    }
}
