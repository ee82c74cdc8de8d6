package dev.oktyv.probes.security.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteLimitsProbeTest {

    @TempDir
    Path scratch;

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new WriteLimitsProbe().run(TestFileTargets.target(TestFileTargets.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).contains("new file rw-------, new directories rwx------");
    }

    /** Streams straight into the target and gives up only after passing the limit: the partial file stays. */
    @Test
    void failsAgainstAnEngineThatWritesInPlace() throws Exception {
        FileTarget inPlace = TestFileTargets.weakened("file store that streams into the target in place",
                (real, root) -> new ForwardingFileEngine(real) {
                    @Override
                    public long write(String path, InputStream data) {
                        long max = 1L << 20;
                        long n = 0;
                        try (OutputStream out = Files.newOutputStream(root.resolve(path))) {
                            byte[] buf = new byte[8192];
                            for (int k; (k = data.read(buf)) > 0; ) {
                                out.write(buf, 0, k);
                                n += k;
                                if (n > max) {
                                    throw new IllegalStateException("too large: " + path);
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return n;
                    }
                });

        ProbeOutcome outcome = new WriteLimitsProbe().run(TestFileTargets.target(inPlace, scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).contains("write(stream) of 1048577 bytes: refused, but left [big-stream.bin]");
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("existing.txt lost its old content"));
    }
}
