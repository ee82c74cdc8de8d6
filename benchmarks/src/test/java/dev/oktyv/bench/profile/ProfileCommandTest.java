package dev.oktyv.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.profiles.flame.CollapsedStacks;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.profiles.flame.StackFilter;
import dev.oktyv.profiles.flame.StackProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaches to a child JVM running the known-hot-method workload, as an on-call user would. */
class ProfileCommandTest {

    @Test
    void attachesToARunningJvmAndFindsTheHotMethod(@TempDir Path dir) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "dev.oktyv.profiles.calibration.HotMethods", "30")).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream()));
            assertThat(r.readLine()).startsWith("hot-methods running"); // the JVM is up and in the workload
            Path html = dir.resolve("hot.html");
            CliRun run = CliRun.of("profile", "--pid", Long.toString(child.pid()), "--duration", "3s",
                    "--event", "cpu", "-o", html.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(html).isRegularFile();
            assertThat(dir.resolve("hot.jfr")).isRegularFile();
            StackProfile p = CollapsedStacks.read(dir.resolve("hot.collapsed"), EventKind.CPU)
                    .filtered(StackFilter.of("HotMethods\\.round", null, false));
            assertThat(p.shareOfFrameEndingWith("HotMethods.a")).isBetween(0.70, 0.90);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    @Test
    void unknownPidAndBadDurationAreUsageErrors() {
        CliRun r = CliRun.of("profile", "--pid", "999999999", "--duration", "2s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no process with pid 999999999");
        CliRun d = CliRun.of("profile", "--pid", Long.toString(ProcessHandle.current().pid()), "--duration", "soon");
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("'soon'");
    }

    @Test
    void aProcessThatIsNotAJvmIsAUsageErrorBeforeProfilingStarts() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            CliRun r = CliRun.of("profile", "--pid", Long.toString(sleep.pid()), "--duration", "2s");
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("process " + sleep.pid() + " is not a Java process").doesNotContain("\tat ");
            assertThat(r.out()).doesNotContain("profiling");
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor();
        }
    }
}
