package dev.oktyv.profiles.jfrfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Damaged copies of a JFR recording for the readers' tests, shared with other modules' tests through this module's
 * test-jar: one recipe per kind of damage, so every test that needs it breaks a file the same way.
 */
public final class DamagedJfr {

    /** A JFR chunk header is 68 bytes: the first event's size field starts right after it. */
    private static final int FIRST_EVENT_OFFSET = 68;

    private DamagedJfr() {
    }

    /**
     * Copies {@code recording} to {@code damaged} with the first event's size (a 4-byte varint) set to 2^28 - 1, far
     * past the chunk's end: the fast reader must decline with a format error naming the offset, while the chunk
     * header stays valid (so the file is still recognised as JFR, and the JDK's parser copes).
     */
    public static Path firstEventSizePastChunkEnd(Path recording, Path damaged) throws IOException {
        byte[] b = Files.readAllBytes(recording);
        b[FIRST_EVENT_OFFSET] = (byte) 0xFF;
        b[FIRST_EVENT_OFFSET + 1] = (byte) 0xFF;
        b[FIRST_EVENT_OFFSET + 2] = (byte) 0xFF;
        b[FIRST_EVENT_OFFSET + 3] = (byte) 0x7F;
        return Files.write(damaged, b);
    }
}
