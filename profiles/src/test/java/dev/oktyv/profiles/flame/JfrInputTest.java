package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.profiles.ChildJvm;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JFR input recorded by a plain JDK ({@code -XX:StartFlightRecording}, no suite code involved), and bad input. */
class JfrInputTest {

    @TempDir
    static Path dir;
    static Path plain;

    @BeforeAll
    static void recordWithPlainJdk() throws Exception {
        plain = plainJdkRecording(dir.resolve("plain.jfr"), 3);
    }

    /**
     * {@code HotMethods} for {@code seconds} in a child JVM recording with the JDK's own "profile" settings: a
     * recording no suite code took part in.
     */
    static Path plainJdkRecording(Path file, int seconds) throws Exception {
        ChildJvm.run(List.of("-XX:StartFlightRecording:filename=" + file + ",settings=profile"),
                "dev.oktyv.profiles.calibration.HotMethods", 60, String.valueOf(seconds));
        return file;
    }

    static double aShare(StackProfile p) {
        return p.filtered(StackFilter.of("HotMethods\\.round", null, false)).shareOfFrameEndingWith("HotMethods.a");
    }

    @Test
    void plainJdkRecordingRendersWithTheHotMethodAtEightyPercent() throws Exception {
        StackProfile cpu = ProfileReader.read(plain, EventKind.CPU, false);
        assertThat(cpu.incomplete()).isFalse();
        assertThat(aShare(cpu)).isBetween(0.70, 0.90);
        Path html = dir.resolve("plain.html");
        new FlameGraphConverter("plain").writeTo(cpu, html);
        assertThat(Files.readString(html)).contains("HotMethods.a");
    }

    @Test
    void plainJdkAllocationSamplesShowTheKnownSite() throws Exception {
        StackProfile alloc = ProfileReader.read(plain, EventKind.ALLOC, false);
        assertThat(alloc.weightContaining("dev.oktyv.profiles.calibration.HotMethods.allocate")).isPositive();
    }

    @Test
    void threadsOptionPutsTheThreadAtTheRoot() throws Exception {
        StackProfile cpu = ProfileReader.read(plain, EventKind.CPU, true);
        assertThat(cpu.stacks().keySet()).anySatisfy(s -> assertThat(s.get(0)).isEqualTo("[main]"));
        assertThat(cpu.stacks().keySet()).allSatisfy(s -> assertThat(s.get(0)).startsWith("["));
    }

    @Test
    void truncatedRecordingRendersTheCompleteChunksAndSaysItIsIncomplete() throws Exception {
        // Two chunks (concatenated recordings are valid JFR, as `jfr assemble` makes), the second cut in half.
        byte[] one = Files.readAllBytes(plain);
        Path cut = dir.resolve("cut.jfr");
        try (OutputStream out = Files.newOutputStream(cut)) {
            out.write(one);
            out.write(one, 0, one.length / 2);
        }
        StackProfile whole = ProfileReader.read(plain, EventKind.CPU, false);
        StackProfile partial = ProfileReader.read(cut, EventKind.CPU, false);
        assertThat(partial.incomplete()).isTrue();
        assertThat(partial.note()).contains("truncated").contains("1 complete chunk");
        assertThat(partial.totalWeight()).isEqualTo(whole.totalWeight());
    }

    @Test
    void singleChunkCutShortHasNothingReadable() throws Exception {
        byte[] one = Files.readAllBytes(plain);
        Path cut = dir.resolve("cut1.jfr");
        Files.write(cut, java.util.Arrays.copyOf(one, one.length / 2));
        assertThatThrownBy(() -> ProfileReader.read(cut, EventKind.CPU, false))
                .isInstanceOf(ProfileInputException.class).hasMessageContaining("truncated");
    }

    @Test
    void notJfrIsOneLineError() throws Exception {
        Path fake = dir.resolve("fake.jfr");
        Files.writeString(fake, "PK\u0003\u0004 this is a zip, not a recording\n");
        assertThatThrownBy(() -> ProfileReader.read(fake, EventKind.CPU, false))
                .isInstanceOf(ProfileInputException.class).hasMessageContaining("not a JFR recording")
                .hasMessageContaining("fake.jfr")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void emptyEventIsDetectedNotRendered() throws Exception {
        StackProfile lock = ProfileReader.read(plain, EventKind.LOCK, false);
        assertThat(lock.isEmpty()).isTrue();
    }

    @Test
    void descriptorClassNamesBecomeJavaNames() {
        assertThat(JfrStackReader.javaName("[J")).isEqualTo("long[]");
        assertThat(JfrStackReader.javaName("[[Ljava/lang/String;")).isEqualTo("java.lang.String[][]");
        assertThat(JfrStackReader.javaName("java.util.HashMap")).isEqualTo("java.util.HashMap");
    }
}
