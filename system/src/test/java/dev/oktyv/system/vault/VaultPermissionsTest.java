package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultPermissionsTest {

    @TempDir
    Path tmp;

    @Test
    void directoryIs0700AndFilesAre0600EvenAfterCompaction() throws IOException {
        assumeTrue(DurableFiles.isPosix(), "POSIX permissions only");
        Path dir = tmp.resolve("home/.oktyv/vaults");
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("perms", TestVaults.passphrase());
            // Enough overwrites of one big value to force at least one compaction (a rename of a new file).
            String big = "v".repeat(64 * 1024);
            for (int i = 0; i < 12; i++) {
                v.set("big", Secret.of(big + i));
            }
            assertThat(Files.size(VaultStore.vaultFile(dir, "perms"))).isLessThan(5L * 64 * 1024);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("perms.vault", "perms.lock");
        }
    }

    @Test
    void anExistingLooseDirectoryIsTightened() throws IOException {
        assumeTrue(DurableFiles.isPosix(), "POSIX permissions only");
        Path dir = tmp.resolve("loose");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (VaultManager m = TestVaults.manager(dir)) {
            m.create("x", TestVaults.passphrase());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
}
