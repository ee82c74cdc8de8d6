package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapsedGoldenTest {

    static Path golden(String name) throws Exception {
        return Path.of(CollapsedGoldenTest.class.getResource("/golden/" + name).toURI());
    }

    static String collapsed(StackProfile p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CollapsedConverter().write(p, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mergesSortsAndDropsZeroWeightStacks() throws Exception {
        StackProfile p = CollapsedStacks.read(golden("input.collapsed"), EventKind.CPU);
        assertThat(collapsed(p)).isEqualTo(Files.readString(golden("expected.collapsed")));
        assertThat(p.totalWeight()).isEqualTo(25);
    }

    @Test
    void reverseAndExcludeGolden() throws Exception {
        StackProfile p = CollapsedStacks.read(golden("input.collapsed"), EventKind.CPU)
                .filtered(StackFilter.of(null, "^\\[thread", true));
        assertThat(collapsed(p)).isEqualTo(Files.readString(golden("expected-reverse-exclude.collapsed")));
    }

    @Test
    void includeKeepsOnlyMatchingStacks() throws Exception {
        StackProfile p = CollapsedStacks.read(golden("input.collapsed"), EventKind.CPU)
                .filtered(StackFilter.of("^b$", null, false));
        assertThat(p.stacks()).containsOnlyKeys(List.of("main", "run", "b"));
    }

    @Test
    void roundTripsThroughItsOwnOutput(@TempDir Path dir) throws Exception {
        StackProfile p = CollapsedStacks.read(golden("input.collapsed"), EventKind.CPU);
        Path f = dir.resolve("x.collapsed");
        new CollapsedConverter().writeTo(p, f);
        assertThat(CollapsedStacks.read(f, EventKind.CPU).stacks()).isEqualTo(p.stacks());
    }

    @Test
    void badLineIsOneLineErrorNamingTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "main;a 3\nthis is not a stack\n");
        assertThatThrownBy(() -> CollapsedStacks.read(f, EventKind.CPU))
                .isInstanceOf(ProfileInputException.class)
                .hasMessageContaining("bad.txt:2:").hasMessageContaining("this is not a stack")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void textThatIsNoProfileAtAllSaysNeitherFormat(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "import java.util.*;\n");
        assertThatThrownBy(() -> ProfileReader.read(f, EventKind.CPU, false))
                .isInstanceOf(ProfileInputException.class)
                .hasMessageContaining("not a JFR recording nor collapsed-stack text").hasMessageContaining("notes.txt");
    }

    @Test
    void badRegexNamesTheOption() {
        assertThatThrownBy(() -> StackFilter.of("(", null, false)).hasMessageContaining("--include").hasMessageContaining("'('");
    }

    @Test
    void emptyProfileIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("empty.html");
        StackProfile empty = StackProfile.builder(EventKind.ALLOC).build();
        assertThatThrownBy(() -> new FlameGraphConverter("t").writeTo(empty, out))
                .isInstanceOf(EmptyProfileException.class).hasMessageContaining("no alloc samples");
        assertThat(out).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }
}
