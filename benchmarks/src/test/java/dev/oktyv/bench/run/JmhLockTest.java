package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.RunnerException;

class JmhLockTest {

    @TempDir
    Path tmp;

    @Test
    void heldOnlyWhileSomeoneHoldsIt() throws IOException {
        Path file = Files.createFile(tmp.resolve("jmh.lock"));
        JmhLock lock = new JmhLock(file, false);
        assertThat(lock.heldElsewhere()).isFalse();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertThat(lock.heldElsewhere()).isTrue();
            // -Djmh.ignoreLock=true: JMH will not take the lock, so a held one is no obstacle.
            assertThat(new JmhLock(file, true).heldElsewhere()).isFalse();
        }
        assertThat(lock.heldElsewhere()).as("released").isFalse();
        assertThat(new JmhLock(tmp.resolve("absent.lock"), false).heldElsewhere()).isFalse();
    }

    @Test
    void recognisesJmhsLockFailureThroughWrapping() {
        // JMH 1.37's Runner.run message, wrapped as SuiteRun wraps it.
        RunnerException jmh = new RunnerException("ERROR: Another JMH instance might be running. Unable to acquire"
                + " the JMH lock (/tmp/jmh.lock), exiting. Use -Djmh.ignoreLock=true to forcefully continue.");
        assertThat(JmhLock.isLockFailure(new RunnerException("a.B.m: " + jmh.getMessage(), jmh))).isTrue();
        assertThat(JmhLock.isLockFailure(new RunnerException("a.B.m failed and --foe stops the run"))).isFalse();
    }
}
