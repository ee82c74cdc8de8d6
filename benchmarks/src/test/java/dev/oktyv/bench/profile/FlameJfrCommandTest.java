package dev.oktyv.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.profiles.calibration.HotMethods;
import dev.oktyv.profiles.jfrfile.DamagedJfr;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flame} on JFR input recorded in-process: truncated and empty-event handling at the command line. */
class FlameJfrCommandTest {

    @TempDir
    static Path dir;
    static Path jfr;

    @BeforeAll
    static void record() throws Exception {
        jfr = dir.resolve("rec.jfr");
        // Execution samples only (the oktyv.jfc period), so the recording certainly has no alloc or lock events.
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            HotMethods.runFor(Duration.ofMillis(1200), 4, 1);
            r.stop();
            r.dump(jfr);
        }
    }

    @Test
    void truncatedRecordingIsRenderedWithAWarning() throws Exception {
        byte[] one = Files.readAllBytes(jfr);
        Path cut = dir.resolve("cut.jfr");
        try (OutputStream out = Files.newOutputStream(cut)) {
            out.write(one);
            out.write(one, 0, one.length / 3);
        }
        Path html = dir.resolve("cut.html");
        CliRun r = CliRun.of("flame", cut.toString(), "-o", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning:").contains("truncated");
        assertThat(r.out()).contains("INCOMPLETE input");
        assertThat(Files.readString(html)).contains("Incomplete: recording is truncated");
    }

    @Test
    void eventWithNoSamplesSaysSoSuggestsAnotherAndWritesNothing() {
        Path html = dir.resolve("alloc.html");
        CliRun r = CliRun.of("flame", jfr.toString(), "--event", "alloc", "-o", html.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("has no alloc samples").contains("try --event cpu");
        assertThat(html).doesNotExist();
    }

    @Test
    void threadsViewRendersFromJdkRecording() throws Exception {
        Path html = dir.resolve("threads.html");
        CliRun r = CliRun.of("flame", jfr.toString(), "--threads", "-o", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(html)).contains("[main]");
    }

    @Test
    void fallbackToTheJdkParserIsOneWarningLineNamingTheReason() throws Exception {
        // The first event gets a size past the chunk end: the fast reader declines.
        Path bad = DamagedJfr.firstEventSizePastChunkEnd(jfr, dir.resolve("bad-size.jfr"));
        Path html = dir.resolve("bad.html");
        CliRun r = CliRun.of("flame", bad.toString(), "-o", html.toString());
        assertThat(r.err().lines().filter(l -> l.startsWith("warning:")).toList()).singleElement().asString()
                .contains(bad.toString(), "fast JFR reader declined").containsPattern("offset \\d+");
        CliRun good = CliRun.of("flame", jfr.toString(), "-o", dir.resolve("good.html").toString());
        assertThat(good.exit()).as(good.err()).isZero();
        assertThat(good.err()).doesNotContain("warning:");
    }
}
