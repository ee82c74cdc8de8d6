package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.oktyv.profiles.jfrfile.JfrFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt recordings against the small JFR reader: whatever the bytes, it returns a profile or throws its own
 * {@link JfrFormatException}, promptly. Any other exception (an index out of bounds, a cast, a negative array
 * size) or a hang is a bug, because {@code flame} would otherwise print a stack trace or never finish.
 */
class FastStackReaderFuzzTest {

    @TempDir
    static Path dir;

    @Test
    @Timeout(120)
    void randomByteDamageNeverEscapesAsAnythingButAFormatError() throws Exception {
        Path plain = JfrInputTest.plainJdkRecording(dir.resolve("plain.jfr"), 1);
        byte[] original = Files.readAllBytes(plain);
        SplittableRandom random = new SplittableRandom(20261128);
        Path damaged = dir.resolve("damaged.jfr");
        int declined = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] b = original.clone();
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                // Past the 16 header bytes the chunk scan checks (magic, version, size), so the reader sees the damage.
                b[16 + random.nextInt(b.length - 16)] = (byte) random.nextInt(256);
            }
            Files.write(damaged, b);
            JfrChunks chunks = JfrChunks.scan(damaged);
            for (EventKind kind : new EventKind[] {EventKind.CPU, EventKind.ALLOC, EventKind.WALL}) {
                try {
                    FastStackReader.read(damaged, chunks.completeBytes(), kind, trial % 2 == 0, "");
                } catch (JfrFormatException e) {
                    declined++;
                    assertThat(e.getMessage()).doesNotContain("\n");
                } catch (Exception | Error e) {
                    fail("trial " + trial + " (" + kind + "): " + e, e);
                }
            }
        }
        // Most single-byte damage lands in event payloads and is read as other values; some must be caught.
        assertThat(declined).isPositive();
    }
}
