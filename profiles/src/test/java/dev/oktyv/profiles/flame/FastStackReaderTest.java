package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktyv.profiles.calibration.HotMethods;
import dev.oktyv.profiles.capture.AsyncProfilerProvider;
import dev.oktyv.profiles.capture.CaptureOptions;
import dev.oktyv.profiles.capture.CaptureRun;
import dev.oktyv.profiles.capture.ProfileRequest;
import dev.oktyv.profiles.jfrfile.DamagedJfr;
import dev.oktyv.profiles.jfrfile.JfrFormatException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small JFR reader against the JDK's parser, the reference: on recordings written by the JDK (its "profile"
 * settings and TLAB events, several chunks) and by async-profiler, every profile kind it reads, with and without
 * thread roots, must come out identical, stack for stack and weight for weight.
 */
class FastStackReaderTest {

    @TempDir
    static Path dir;
    static Path plain;
    static Path tlab;

    @BeforeAll
    static void record() throws Exception {
        plain = JfrInputTest.plainJdkRecording(dir.resolve("plain.jfr"), 2);
        // Two chunks of TLAB events (concatenated recordings are valid JFR), as the 100 MB measurement file has.
        Path one = dir.resolve("tlab1.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            HotMethods.runFor(Duration.ofMillis(400), 1, 1);
            List<Object> keep = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                keep.add(new byte[i % 2048]);
                if (keep.size() > 64) {
                    keep.clear();
                }
            }
            r.stop();
            r.dump(one);
        }
        tlab = dir.resolve("tlab.jfr");
        try (OutputStream out = Files.newOutputStream(tlab)) {
            out.write(Files.readAllBytes(one));
            out.write(Files.readAllBytes(one));
        }
    }

    static void assertSameAsJdk(Path file, EventKind kind, boolean threads) throws Exception {
        JfrChunks chunks = JfrChunks.scan(file);
        // Called directly, so a silent fall-back to the JDK parser cannot make this pass.
        StackProfile fast = FastStackReader.read(file, chunks.completeBytes(), kind, threads, "");
        StackProfile jdk = JfrStackReader.read(file, kind, threads, false);
        assertThat(fast.stacks()).as(file.getFileName() + " " + kind + " threads=" + threads).isEqualTo(jdk.stacks());
    }

    @Test
    void jdkProfileSettingsRecordingReadsIdentically() throws Exception {
        for (EventKind kind : List.of(EventKind.CPU, EventKind.WALL, EventKind.ALLOC)) {
            assertSameAsJdk(plain, kind, false);
            assertSameAsJdk(plain, kind, true);
        }
        assertThat(JfrStackReader.read(plain, EventKind.CPU, false).totalWeight()).isPositive();
        assertThat(JfrStackReader.read(plain, EventKind.ALLOC, false).totalWeight()).isPositive();
    }

    @Test
    void tlabEventsOverSeveralChunksReadIdentically() throws Exception {
        assertThat(JfrChunks.scan(tlab).completeChunks()).isGreaterThanOrEqualTo(2);
        assertSameAsJdk(tlab, EventKind.ALLOC, false);
        assertSameAsJdk(tlab, EventKind.ALLOC, true);
        assertSameAsJdk(tlab, EventKind.CPU, false);
        StackProfile alloc = JfrStackReader.read(tlab, EventKind.ALLOC, false);
        assertThat(alloc.stacks().keySet()).anySatisfy(s -> assertThat(s.get(s.size() - 1)).isEqualTo("byte[]"));
    }

    @Test
    void asyncProfilerRecordingReadsIdentically() throws Exception {
        assumeTrue(one.profiler.AsyncProfilerLoader.isSupported(), "async-profiler has no build here");
        Path out = dir.resolve("ap");
        CaptureRun run = CaptureRun.start(ProfileRequest.parse("cpu,alloc,wall"), CaptureOptions.DEFAULTS, out, "fast", 1,
                0, new PrintStream(OutputStream.nullOutputStream()), AsyncProfilerProvider.AP_LOADER);
        try {
            HotMethods.runFor(Duration.ofMillis(700), 4, 1);
        } finally {
            run.stop();
        }
        Path jfr = out.resolve("cpu-f1.jfr");
        for (EventKind kind : List.of(EventKind.CPU, EventKind.ALLOC, EventKind.WALL)) {
            assertSameAsJdk(jfr, kind, false);
            assertSameAsJdk(jfr, kind, true);
        }
        assertThat(JfrStackReader.read(jfr, EventKind.CPU, false).weightContaining("dev.oktyv.profiles.calibration.HotMethods.a"))
                .isPositive();
        assertThat(JfrStackReader.read(jfr, EventKind.WALL, false).totalWeight()).isPositive();
    }

    @Test
    void truncatedFileReadsTheSameCompleteChunksWithTheSameNote() throws Exception {
        byte[] whole = Files.readAllBytes(tlab);
        Path cut = dir.resolve("tlab-cut.jfr");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 3 / 4));
        StackProfile fast = JfrStackReader.read(cut, EventKind.ALLOC, false, true);
        StackProfile jdk = JfrStackReader.read(cut, EventKind.ALLOC, false, false);
        assertThat(fast.stacks()).isEqualTo(jdk.stacks());
        assertThat(fast.incomplete()).isTrue();
        assertThat(fast.note()).isEqualTo(jdk.note()).contains("1 complete chunk");
    }

    @Test
    void corruptEventIsAOneLineFormatErrorAndTheJdkParserReadsTheFileInstead() throws Exception {
        Path bad = DamagedJfr.firstEventSizePastChunkEnd(plain, dir.resolve("bad-size.jfr"));
        assertThatThrownBy(() -> FastStackReader.read(bad, JfrChunks.scan(bad).completeBytes(), EventKind.CPU, false, ""))
                .isInstanceOf(JfrFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").containsPattern("offset \\d+"));
        // The public entry falls back to jdk.jfr.consumer, whose reading (here it copes) is what the user gets.
        assertThat(JfrStackReader.read(bad, EventKind.CPU, false).stacks())
                .isEqualTo(JfrStackReader.read(bad, EventKind.CPU, false, false).stacks());
    }

    @Test
    void aFallbackToTheJdkParserPrintsOneWarningNamingTheReason() throws Exception {
        Path bad = DamagedJfr.firstEventSizePastChunkEnd(plain, dir.resolve("bad-size-warned.jfr"));
        List<String> warnings = new ArrayList<>();
        StackProfile p = JfrStackReader.read(bad, EventKind.CPU, false, warnings::add);
        assertThat(p.stacks()).isEqualTo(JfrStackReader.read(bad, EventKind.CPU, false, false).stacks());
        assertThat(warnings).singleElement().asString()
                .contains(bad.toString(), "fast JFR reader declined", "JDK's parser")
                .containsPattern("offset \\d+")
                .doesNotContain("\n");
        // A file the fast reader decodes warns about nothing.
        List<String> none = new ArrayList<>();
        JfrStackReader.read(plain, EventKind.CPU, false, none::add);
        assertThat(none).isEmpty();
    }

    @Test
    void aBugInTheFastReaderIsNamedByItsExceptionClass() {
        assertThat(JfrStackReader.fallbackWarning(Path.of("x.jfr"), new ArrayIndexOutOfBoundsException("Index 7 out of bounds")))
                .isEqualTo("x.jfr: the fast JFR reader declined this recording (ArrayIndexOutOfBoundsException: Index 7"
                        + " out of bounds); read with the JDK's parser instead, which is several times slower");
    }
}
