package dev.oktyv.probes.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file-route traversal probe against naive and confined file routes over the same real directory. */
@Timeout(60)
class FileRouteTraversalProbeTest {

    @TempDir
    Path scratch;

    private ProbeOutcome run(ServiceTarget service) throws Exception {
        return new FileRouteTraversalProbe().run(SecurityTarget.builder().scratchDir(scratch.resolve("probe"))
                .with(ServiceTarget.class, service).build());
    }

    @Test
    void failsWhenTheRoutesResolveTheRequestPathWithoutAnyCheck() throws Exception {
        try (NaiveFileService naive = new NaiveFileService(scratch.resolve("a/b/root"), false)) {
            ProbeOutcome o = run(naive.target());
            assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(o.evidence()).anyMatch(e -> e.matches("payload #\\d+: PUT answered 204 and the file landed outside the root, in /tmp"));
            if (Files.isReadable(Path.of("/etc/passwd"))) {
                assertThat(o.evidence()).anyMatch(e -> e.matches("payload #\\d+: GET answered 200 with a password file"));
            }
        }
    }

    @Test
    void passesWhenTheRoutesRefuseEverythingOutsideTheRoot() throws Exception {
        try (NaiveFileService confined = new NaiveFileService(scratch.resolve("a/b/root"), true)) {
            ProbeOutcome o = run(confined.target());
            assertThat(o.verdict()).as(String.valueOf(o.evidence())).isEqualTo(ProbeVerdict.PASS);
        }
    }

    @Test
    void notRunWhenThereAreNoFileRoutes() throws Exception {
        try (WeakService noFiles = WeakService.with()) {
            assertThat(run(noFiles.target()).verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
        }
    }

    @Test
    void requestTargetsKeepTheCorpusEncodingsAndEncodeWhatARequestLineCannotCarry() {
        assertThat(FileRouteTraversalProbe.requestTarget("%2e%2e/a b\u0000\uFF0E")).isEqualTo(
                "%2e%2e/a%20b%00%EF%BC%8E");
    }
}
