package dev.oktyv.system.vault;

import static dev.oktyv.system.vault.TestVaults.passphrase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        try (VaultManager m = TestVaults.manager(dir)) {
            m.create("crash", passphrase()).close();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                VaultCrashChild.class.getName(), dir.toString(), "4")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + STARTUP_BUDGET_NANOS;
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && System.nanoTime() < deadline
                    && (line = out.readLine()) != null) {
                accept(line, acknowledged);
            }
            // SIGKILL on POSIX: no shutdown hooks, no flushing, mid-write. Through the ProcessHandle because
            // Process.destroyForcibly also closes our end of the pipe, losing acknowledged lines not yet read.
            assertThat(child.toHandle().destroyForcibly()).isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Lines the child printed before it died were acknowledged too.
            while ((line = out.readLine()) != null) {
                accept(line, acknowledged);
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("acknowledged writes before the kill").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.open("crash", passphrase());
            for (String key : acknowledged) {
                assertThat(TestVaults.reveal(v, key)).as(key).isEqualTo(valueOf(key));
            }
            assertThat(v.exists("big")).isTrue();
        }
    }

    /** A line cut by the kill has no END marker and was never fully acknowledged to us; skip it. */
    private static void accept(String line, List<String> acknowledged) {
        if (line.startsWith("ACK ") && line.endsWith(" END")) {
            acknowledged.add(line.substring(4, line.length() - 4));
        }
    }
}
