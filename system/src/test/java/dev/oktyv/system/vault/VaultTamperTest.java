package dev.oktyv.system.vault;

import static dev.oktyv.system.vault.TestVaults.passphrase;
import static dev.oktyv.system.vault.TestVaults.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks by someone who can write the vault file but does not know the passphrase: they can cut records off,
 * move records around and recompute every checksum, but cannot compute anything under the vault key.
 */
class VaultTamperTest {

    @TempDir
    Path dir;

    @Test
    void droppingTheLastRecordWithARecomputedChecksumIsRefused() throws IOException {
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("prod", passphrase());
            v.set("api.token", Secret.of("leaked"));
            v.delete("api.token"); // the attacker wants this tombstone gone
        }
        Path file = VaultStore.vaultFile(dir, "prod");
        byte[] bytes = Files.readAllBytes(file);
        List<int[]> records = records(bytes);
        int[] last = records.get(records.size() - 1);
        byte[] rolledBack = withCommittedLength(Arrays.copyOf(bytes, last[0]), last[0]);
        Files.write(file, rolledBack);
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThatThrownBy(() -> m.open("prod", passphrase()))
                    .isInstanceOf(VaultCorruptedException.class)
                    .hasMessageContaining("'prod'").hasMessageContaining("header")
                    .hasMessageNotContaining("leaked");
        }
    }

    @Test
    void aRecordFromBeforeACompactionIsNotReplayedAfterIt() throws IOException {
        byte[] rotatedAway;
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("prod", passphrase());
            v.set("a", Secret.of("x"));
            v.set("b", Secret.of("y"));
            v.set("db.password", Secret.of("old-password")); // seq 2
            v.set("db.password", Secret.of("new-password")); // seq 3
            v.delete("a");
            v.delete("b");
            byte[] before = Files.readAllBytes(VaultStore.vaultFile(dir, "prod"));
            int[] third = records(before).get(2);
            rotatedAway = Arrays.copyOfRange(before, third[0], third[1]);
            // Overwrite "big" until compaction runs: after it the live records are db.password (seq 0) and big
            // (seq 1), so the old db.password record, seq 2, lines up with the log's next seq.
            String large = "z".repeat(200_000);
            long inode = inode();
            for (int i = 0; i < 10 && inode == inode(); i++) {
                v.set("big", Secret.of(large + i));
            }
            assertThat(inode()).as("a compaction replaced the file").isNotEqualTo(inode);
        }
        Path file = VaultStore.vaultFile(dir, "prod");
        byte[] compacted = Files.readAllBytes(file);
        assertThat(records(compacted)).hasSize(2);
        byte[] replayed = concat(compacted, rotatedAway);
        // (a) appended as an uncommitted tail, (b) with the committed length moved over it as well
        Files.write(file, replayed);
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThatReplayIsNotAccepted(m);
        }
        Files.write(file, withCommittedLength(replayed, replayed.length));
        try (VaultManager m = TestVaults.manager(dir)) {
            assertThatReplayIsNotAccepted(m);
        }
    }

    private static void assertThatReplayIsNotAccepted(VaultManager m) {
        try {
            Vault v = m.open("prod", passphrase());
            assertThat(reveal(v, "db.password")).isEqualTo("new-password");
        } catch (VaultCorruptedException e) {
            assertThat(e.getMessage()).contains("'prod'").doesNotContain("password");
        }
    }

    private long inode() throws IOException {
        return (Long) Files.getAttribute(VaultStore.vaultFile(dir, "prod"), "unix:ino");
    }

    /** [start, end) of each record after the header. */
    static List<int[]> records(byte[] file) {
        List<int[]> out = new ArrayList<>();
        int pos = VaultHeader.LENGTH;
        while (pos + 4 <= file.length) {
            int end = pos + 4 + ByteBuffer.wrap(file, pos, 4).getInt();
            out.add(new int[] {pos, end});
            pos = end;
        }
        return out;
    }

    /** What an attacker can do to the header without the key: set the committed length, fix the checksum. */
    static byte[] withCommittedLength(byte[] file, long length) {
        byte[] out = file.clone();
        ByteBuffer.wrap(out).putLong(VaultHeader.COMMITTED_OFFSET, length);
        CRC32C crc = new CRC32C();
        crc.update(out, 0, VaultHeader.CRC_OFFSET);
        ByteBuffer.wrap(out).putInt(VaultHeader.CRC_OFFSET, (int) crc.getValue());
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
