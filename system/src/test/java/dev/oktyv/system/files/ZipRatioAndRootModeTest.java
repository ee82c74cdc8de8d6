package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ZipRatioAndRootModeTest {

    @TempDir
    Path tmp;

    /** Generous size limits, so that only the compression ratio can stop the bomb. */
    private ConfinedFileStore store() {
        return new ConfinedFileStore(FileStoreConfig.builder(tmp.resolve("root")).maxFileSizeBytes(1L << 30)
                .maxZipTotalBytes(1L << 30).maxZipCompressionRatio(100).build());
    }

    @Test
    void anArchiveThatInflatesFarBeyondItsSizeIsRefusedByTheRatio() {
        ConfinedFileStore s = store();
        // 64 MiB of zeros deflate to ~64 KiB: a ratio near 1000:1, under the 1 GiB total limit.
        s.write("bomb.zip", Zips.single("zeros.bin", new byte[64 << 20]));
        assertThatThrownBy(() -> s.extract("bomb.zip", "bomb"))
                .isInstanceOf(ZipLimitExceededException.class)
                .hasMessageContaining("compression ratio limit of 100:1");
        assertThat(s.exists("bomb")).isFalse();
        assertThat(s.list(".")).extracting(FileEntry::name).containsExactly("bomb.zip");
    }

    @Test
    void ordinaryArchivesStillExtract() {
        ConfinedFileStore s = store();
        byte[] random = new byte[2 << 20];
        new Random(7).nextBytes(random);
        s.write("random.zip", Zips.single("random.bin", random));
        assertThat(s.extract("random.zip", "random")).isEqualTo(1);
        // Highly compressible but small: below the floor under which the ratio is not judged.
        s.write("small.zip", Zips.single("zeros.bin", new byte[512 << 10]));
        assertThat(s.extract("small.zip", "small")).isEqualTo(1);
        assertThat(s.read("small/zeros.bin")).hasSize(512 << 10);
    }

    @Test
    void theRatioLimitIsValidated() {
        assertThatThrownBy(() -> FileStoreConfig.builder(tmp).maxZipCompressionRatio(0))
                .hasMessage("maxZipCompressionRatio must be at least 1, was 0");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anExistingRootOpenToOthersIsTightenedTo0700() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        store();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
    }
}
