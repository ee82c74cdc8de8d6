package dev.oktyv.system.vault;

import static dev.oktyv.system.vault.TestVaults.passphrase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes, real SIGKILL: acknowledged writes survive, and concurrent processes do not lose each other's. */
class VaultCrashTest {

    private static final int ACKS_BEFORE_KILL = 300;
    private static final long STARTUP_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(60);

    @TempDir
    Path dir;

    static String valueOf(String key) {
        return "value-of-" + key;
    }

    @Test
    void sigkillInTheMiddleOfAcknowledgedSetsLosesNoAcknowledgedWrite() throws Exception {
        createVault();
        Child child = new Child("a-");
        child.awaitAcks(ACKS_BEFORE_KILL);
        child.kill();
        assertThat(child.acknowledged).as("acknowledged writes before the kill").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        verify(child.acknowledged, "a-");
    }

    /** Two processes append to, and compact, one vault at once; only the FileLock and catch-up keep them apart. */
    @Test
    void twoProcessesWritingOneVaultLoseNoAcknowledgedWrite() throws Exception {
        createVault();
        Child a = new Child("a-");
        Child b = new Child("b-");
        a.awaitAcks(ACKS_BEFORE_KILL / 2);
        b.awaitAcks(ACKS_BEFORE_KILL / 2);
        a.kill();
        b.kill();
        assertThat(a.acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL / 2);
        assertThat(b.acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL / 2);
        List<String> both = new ArrayList<>(a.acknowledged);
        both.addAll(b.acknowledged);
        verify(both, "a-", "b-");
    }

    private void createVault() {
        try (VaultManager m = TestVaults.manager(dir)) {
            m.create("crash", passphrase()).close();
        }
    }

    private void verify(java.util.Collection<String> acknowledged, String... prefixes) {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.open("crash", passphrase());
            for (String key : acknowledged) {
                assertThat(TestVaults.reveal(v, key)).as(key).isEqualTo(valueOf(key));
            }
            for (String prefix : prefixes) {
                assertThat(v.exists(prefix + "big")).isTrue();
            }
        }
    }

    /** A writer process whose acknowledged keys are collected by a reader thread until the pipe closes. */
    private final class Child {
        final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final Process process;
        final Thread reader;

        Child(String prefix) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    VaultCrashChild.class.getName(), dir.toString(), "4", prefix)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            reader = new Thread(this::read);
            reader.start();
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    // A line cut by the kill has no END marker; it was never fully acknowledged to us.
                    if (line.startsWith("ACK ") && line.endsWith(" END")) {
                        acknowledged.add(line.substring(4, line.length() - 4));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for output, not for time: polls the count, bounded by a generous JVM start-up budget. */
        void awaitAcks(int count) throws InterruptedException {
            long deadline = System.nanoTime() + STARTUP_BUDGET_NANOS;
            while (acknowledged.size() < count && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        void kill() throws InterruptedException {
            // SIGKILL on POSIX: no shutdown hooks, no flushing, mid-write. Through the ProcessHandle because
            // Process.destroyForcibly also closes our end of the pipe, losing acknowledged lines not yet read.
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30)); // lines printed before death were acknowledged too
            assertThat(reader.isAlive()).isFalse();
        }
    }
}
