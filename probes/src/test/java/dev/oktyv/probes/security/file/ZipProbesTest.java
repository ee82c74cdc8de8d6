package dev.oktyv.probes.security.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipProbesTest {

    @TempDir
    Path scratch;

    /** The real engine with its extractor replaced by one that trusts entry names and counts nothing. */
    private static FileTarget naiveExtractor() {
        return TestFileTargets.weakened("file store with a naive zip extractor", (real, root) ->
                new ForwardingFileEngine(real) {
                    @Override
                    public int extract(String zipPath, String destDir) {
                        return new NaiveFileEngine(root).extract(zipPath, destDir);
                    }
                });
    }

    @Test
    void zipSlipPassesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new ZipSlipProbe().run(TestFileTargets.target(TestFileTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence().get(0)).startsWith("10 archives, ");
    }

    @Test
    void zipSlipFailsAgainstANaiveExtractor() throws Exception {
        ProbeOutcome outcome = new ZipSlipProbe().run(TestFileTargets.target(naiveExtractor(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .isEqualTo("entry '../../outside/slip.txt': outside/slip.txt was created"));
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .isEqualTo("entry '../../outside/sentinel.txt': outside/sentinel.txt was changed"));
    }

    // Fails today on the ratio bomb only ("ratio: 7000000 bytes in 7 entries from 7715 bytes (907:1) ...: extracted");
    // the total and entry-count bombs are refused. Issue 13 adds a compression-ratio limit to extraction.
    @Test
    void zipBombPassesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new ZipBombProbe().run(TestFileTargets.target(TestFileTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).hasSize(3).allSatisfy(l -> assertThat(l).contains(": refused, nothing left"));
    }

    @Test
    void zipBombFailsAgainstANaiveExtractor() throws Exception {
        ProbeOutcome outcome = new ZipBombProbe().run(TestFileTargets.target(naiveExtractor(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .startsWith("total: 12 entries of 900,000 random bytes, total limit 8 MiB: extracted (12 entries, "
                        + "10800000 bytes"));
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("ratio: ").contains(": extracted"));
    }
}
