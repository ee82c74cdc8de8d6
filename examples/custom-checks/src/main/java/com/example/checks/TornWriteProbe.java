package com.example.checks;

import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Recovery probe: a crash in the middle of a write (the journal file cut inside its last record), then a restart.
 * Recovered means every record written before the torn one reads back intact, the torn one is gone, and the
 * journal takes and keeps a new record.
 */
public final class TornWriteProbe implements RecoveryProbe {

    static final int RECORDS = 50;

    private final Journal.Recovery recovery;

    /** The one ServiceLoader uses: the journal as shipped. */
    public TornWriteProbe() {
        this(Journal.Recovery.VERIFY);
    }

    TornWriteProbe(Journal.Recovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public String id() {
        return "example-torn-write";
    }

    @Override
    public String title() {
        return "Example: Journal Torn Write";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        Path file = Files.createTempFile(targets.scratchDir(), "journal-", ".log");
        try (Journal j = Journal.open(file, recovery)) {
            for (int i = 0; i < RECORDS; i++) {
                j.append(record(i));
            }
        }
        long full = Files.size(file);
        long cut = full - record(RECORDS - 1).length / 2; // the crash: half of the last record never reached disk
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(cut);
        }
        long start = System.nanoTime();
        String summary;
        boolean ok;
        try (Journal j = Journal.open(file, recovery)) {
            List<byte[]> before = j.records();
            int intact = 0;
            for (int i = 0; i < Math.min(before.size(), RECORDS - 1); i++) {
                intact += Arrays.equals(before.get(i), record(i)) ? 1 : 0;
            }
            j.append(record(RECORDS));
            summary = intact + " of " + (RECORDS - 1) + " complete records intact, " + before.size()
                    + " records after restart (expected " + (RECORDS - 1) + ")";
            ok = intact == RECORDS - 1 && before.size() == RECORDS - 1;
        }
        try (Journal again = Journal.open(file, recovery)) {
            List<byte[]> after = again.records();
            boolean kept = !after.isEmpty() && Arrays.equals(after.get(after.size() - 1), record(RECORDS));
            summary += kept ? "; a new record survives the next restart" : "; a new record was lost or unreadable";
            ok &= kept && after.size() == RECORDS;
        } catch (IOException e) {
            summary += "; reopening after the new record failed: " + e.getClass().getSimpleName();
            ok = false;
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return new ProbeOutcome(id(), title(), "journal file cut " + (full - cut) + " bytes short, inside its last"
                + " record", ok ? ProbeVerdict.PASS : ProbeVerdict.FAIL, summary, millis, OptionalInt.empty(),
                List.of(), Optional.empty());
    }

    static byte[] record(int i) {
        return ("record " + i + " of the example journal, padded to a realistic size ............................")
                .getBytes(StandardCharsets.UTF_8);
    }
}
