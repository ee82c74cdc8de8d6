package dev.oktyv.bench.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No run-folder file name or pattern as a string literal outside results-model. */
class RunFolderLiteralsTest {

    private final RunFolderLiterals literals = new RunFolderLiterals();

    @Test
    void theNamesComeFromTheOwnersConstants() {
        assertThat(literals.fileNames()).contains("run.json", "jmh.json", "summary.json", "latency.hlog",
                "stress.json", "profile.json", "security.json", "recovery.json", "report.html");
        assertThat(literals.folderNames()).contains("load", "profiles", "diff");
    }

    @Test
    void noModuleOutsideResultsModelSpellsARunFolderName() throws Exception {
        // Tests run in the module folder; its parent is the project root with one folder per module.
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("results-model/src/main/java")).as("project root %s", root).isDirectory();
        List<String> violations = literals.scanModules(root);
        assertThat(violations).as("ask dev.oktyv.results (RunFolder, LoadFolder, ProfileFolder) for these paths")
                .isEmpty();
    }

    @Test
    void aSourceThatSpellsThemFailsWithFileAndLine() throws Exception {
        String fixture;
        try (InputStream in = getClass().getResourceAsStream("/architecture/SpellsRunFolderNames.java.txt")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(literals.scan("SpellsRunFolderNames.java", fixture)).containsExactly(
                "SpellsRunFolderNames.java:8: \"summary.json\"",
                "SpellsRunFolderNames.java:12: \"load/\"",
                "SpellsRunFolderNames.java:12: \"/latency.hlog\"",
                "SpellsRunFolderNames.java:16: \"step-%02d-%s\"");
    }

    @Test
    void theScanReadsTheRealTreeSoAnAddedLiteralIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path module = Files.createDirectories(dir.resolve("benchmarks/src/main/java/x"));
        Files.createDirectories(dir.resolve("results-model/src/main/java/y"));
        Files.writeString(dir.resolve("results-model/src/main/java/y/Owner.java"), "class Owner { String s = \"run.json\"; }");
        Files.writeString(module.resolve("Producer.java"), "class Producer {\n String s = \"run.json\"; }");
        assertThat(literals.scanModules(dir)).containsExactly(
                Path.of("benchmarks/src/main/java/x/Producer.java") + ":2: \"run.json\"");
    }
}
