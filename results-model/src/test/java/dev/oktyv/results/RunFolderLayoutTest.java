package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.profile.ArtifactFormat;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.results.profile.ProfileArtifact;
import dev.oktyv.results.profile.ProfileArtifacts;
import dev.oktyv.results.profile.ProfileFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed accessors spell the layout that {@code results/README.md} documents, and read back what they name. */
class RunFolderLayoutTest {

    @TempDir
    Path dir;

    private RunFolder folder() throws Exception {
        return RunFolder.open(Files.createDirectories(dir.resolve("20261120T100000Z-aaaaaaa")));
    }

    @Test
    void loadFilesAndStressStepsHaveTheirDocumentedNames() throws Exception {
        RunFolder f = folder();
        LoadFolder load = f.load("http");
        assertThat(f.path().relativize(load.summary())).isEqualTo(Path.of("load", "http", "summary.json"));
        assertThat(f.path().relativize(load.latencyLog())).isEqualTo(Path.of("load", "http", "latency.hlog"));
        assertThat(load.latencyLogPartial().getFileName()).hasToString("latency.hlog.partial");
        assertThat(load.stress().getFileName()).hasToString("stress.json");
        assertThat(load.step(1, 10).name()).isEqualTo("step-01-10");
        assertThat(load.step(3, 2.5).name()).isEqualTo("step-03-2.5");
        assertThatThrownBy(() -> load.step(0, 10)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> f.load("../x")).hasMessageContaining("'../x'");
    }

    @Test
    void stepsAreFoundByTheirNameAndOtherFoldersAreNot() throws Exception {
        RunFolder f = folder();
        LoadFolder load = f.load("http");
        Files.createDirectories(load.step(2, 50).path());
        Files.createDirectories(load.step(1, 10).path());
        Files.createDirectories(load.path().resolve("notes"));
        List<LoadFolder.Step> steps = load.steps();
        assertThat(steps).extracting(LoadFolder.Step::number).containsExactly(1, 2);
        assertThat(steps).extracting(LoadFolder.Step::level).containsExactly("10", "50");
        assertThat(f.loads()).extracting(LoadFolder::name).containsExactly("http");
        assertThat(load.readSummary()).isEmpty();
        Files.writeString(load.summary(), "{not json");
        assertThatThrownBy(load::readSummary).hasMessageContaining(load.summary().toString());
    }

    @Test
    void profileArtifactNamesRoundTripThroughTheParser() throws Exception {
        RunFolder f = folder();
        ProfileFolder p = f.profiles("w");
        for (EventKind e : EventKind.values()) {
            for (ArtifactFormat format : List.of(ArtifactFormat.COLLAPSED, ArtifactFormat.FLAME_HTML,
                    ArtifactFormat.FLAME_HTML_REVERSE, ArtifactFormat.ASYNC_JFR)) {
                Path file = p.artifact(e, 2, format);
                assertThat(ProfileArtifacts.parse("w", file))
                        .contains(new ProfileArtifact("w", Optional.of(e), format, 2, file));
            }
        }
        assertThat(ProfileArtifacts.parse("w", p.jdkJfr(1)))
                .contains(new ProfileArtifact("w", Optional.empty(), ArtifactFormat.JDK_JFR, 1, p.jdkJfr(1)));
        assertThat(ProfileArtifacts.parse("w", p.manifest())).isEmpty();
        assertThat(ProfileArtifacts.parse("w", p.path().resolve("jfr-f1.html"))).isEmpty();
        assertThat(f.path().relativize(p.artifact(EventKind.CPU, 1, ArtifactFormat.COLLAPSED)))
                .isEqualTo(Path.of("profiles", "w", "cpu-f1.collapsed"));
        assertThatThrownBy(() -> p.artifact(EventKind.CPU, 1, ArtifactFormat.JDK_JFR)).hasMessageContaining("jdkJfr");
    }

    @Test
    void theInventoryListsEventsInOrderWithTheJdkRecordingLast() throws Exception {
        RunFolder f = folder();
        ProfileFolder p = f.profiles("w");
        Files.createDirectories(p.path());
        for (Path file : List.of(p.jdkJfr(1), p.artifact(EventKind.LOCK, 1, ArtifactFormat.COLLAPSED),
                p.artifact(EventKind.CPU, 1, ArtifactFormat.COLLAPSED), p.manifest())) {
            Files.writeString(file, "x");
        }
        assertThat(f.profileInventory().artifacts()).extracting(a -> a.path().getFileName().toString())
                .containsExactly("cpu-f1.collapsed", "lock-f1.collapsed", "jfr-f1.jfr");
        assertThat(f.profileInventory().jdkJfr("w")).hasSize(1);
        assertThat(f.profileInventory().of("w", EventKind.CPU, ArtifactFormat.COLLAPSED)).hasSize(1);
    }
}
