package dev.oktyv.system.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power-loss ordering: the disk may write dirty pages in any order until an fdatasync, so the header that
 * commits records must not be written before those records are durable; otherwise a power cut can leave a
 * committed length past the data, and a vault that never opens again.
 */
class VaultWriteOrderTest {

    @TempDir
    Path dir;

    @Test
    void recordsAreDurableBeforeTheHeaderThatCommitsThemIsWritten() {
        List<String> events = new ArrayList<>();
        try (VaultManager m = TestVaults.manager(dir)) {
            Vault v = m.create("prod", TestVaults.passphrase());
            v.store().file().observer = new VaultFile.Observer() {
                @Override
                public void wrote(long position, int length) {
                    events.add(position == 0 ? "header" : "records");
                }

                @Override
                public void forced() {
                    events.add("sync");
                }
            };
            v.set("k", Secret.of("v1"));
            v.set("k", Secret.of("v2"));
        }
        // Each commit: the records, a sync, and only then the header (made durable by the next sync or close).
        assertThat(events.subList(0, 6)).containsExactly("records", "sync", "header", "records", "sync", "header");
        assertThat(events.indexOf("header")).isGreaterThan(events.indexOf("sync"));
    }
}
