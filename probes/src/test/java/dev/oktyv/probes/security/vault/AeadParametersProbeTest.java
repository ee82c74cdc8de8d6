package dev.oktyv.probes.security.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.ProbeVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AeadParametersProbeTest {

    @TempDir
    Path scratch;

    /**
     * On tmpfs when the machine has one: 100,000 durable writes cost ~40 s of fsyncs on a shared disk and well under
     * 10 s in memory, and the nonces the probe counts do not depend on the file system.
     */
    @Test
    void passesAgainstTheRealEngineOverAHundredThousandRecords() throws Exception {
        Path shm = Path.of("/dev/shm");
        Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "oktyv-aead-") : scratch;
        ProbeOutcome outcome;
        try {
            outcome = new AeadParametersProbe().run(TestVaultTargets.target(TestVaultTargets.real(), dir));
        } finally {
            if (!dir.equals(scratch)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("100000 records, 100000 distinct"));
        assertThat(outcome.evidence()).filteredOn(l -> l.contains(": refused")).hasSize(3);
    }

    @Test
    void failsAgainstANonceCounterThatRestarts() throws Exception {
        ProbeOutcome outcome = new AeadParametersProbe(2_000)
                .run(TestVaultTargets.target(TestVaultTargets.restartingCounterNonces(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("998 repeated 96-bit nonces"));
    }
}
