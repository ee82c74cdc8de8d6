package dev.oktyv.bench.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.security.SecurityFinding;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.SecurityReportJson;
import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.files.s3.S3rver;
import dev.oktyv.system.files.s3.S3rverExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}, {@code load} and {@code security} with {@code --files s3://…} against s3rver. */
@ExtendWith(S3rverExtension.class)
class S3BackendCommandsTest {

    private final S3rver server;
    @TempDir
    Path dir;
    @TempDir
    Path results;
    private S3Fixture s3;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    S3BackendCommandsTest(S3rver server) {
        this.server = server;
    }

    @BeforeEach
    void vault() throws Exception {
        s3 = S3Fixture.create(server, dir);
    }

    private int run(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return OktyvBench.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    @Timeout(60)
    void serveStoresTheFileRoutesInTheBucket() {
        String prefix = "serve-" + UUID.randomUUID();
        int exit = run(List.of("serve", "--duration", "1s"), s3.args(prefix));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Files: S3 s3://oktyv-test/" + prefix + "/ at " + server.endpoint())
                .doesNotContain(S3rver.SECRET_KEY);
    }

    @Test
    @Timeout(120)
    void loadRunsBothFileScenariosOnS3AndLeavesNoObjectBehind() throws Exception {
        String prefix = "load-" + UUID.randomUUID();
        int exit = run(List.of("load", "^files$", "^service-files$", "--backend", "s3", "--concurrency", "2",
                "--duration", "1s", "--quiet", "--results-dir", results.toString()), s3.args(prefix));
        assertThat(exit).as(out + "\n" + err).isZero();
        String console = Files.readString(new ResultsStore(results).list().get(0).consoleLog());
        assertThat(console).contains("load files: 50/50 read (verified) and atomic write of 4096-byte files,"
                + " backend s3").contains("file backend s3");
        try (OpenedStore store = s3.settings(prefix).open()) {
            FileStore files = store.store();
            // The engine scenario deletes what it wrote; the service's /files/load/ objects are the routes' own.
            assertThat(List.of("seed/0.bin", "seed/63.bin", "w1/0.bin", "w2/7.bin")).noneMatch(files::exists);
            assertThat(files.list("load")).isNotEmpty(); // the service-files PUTs really went to the bucket
        }
    }

    @Test
    @Timeout(180)
    void securityRunsTheS3ProbesAgainstTheBucket() throws Exception {
        int exit = run(List.of("security", "--category", "file", "--results-dir", results.toString()), s3.args());
        assertThat(exit).as(out + "\n" + err).isIn(0, 1);
        RunFolder folder = new ResultsStore(results).list().get(0);
        SecurityReport report = SecurityReportJson.read(Files.readString(folder.securityJson()));
        assertThat(report.findings()).filteredOn(f -> f.probeId().startsWith("file.s3-"))
                .extracting(SecurityFinding::probeId, SecurityFinding::verdict).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("file.s3-key-traversal", ProbeVerdict.PASS),
                        org.assertj.core.groups.Tuple.tuple("file.s3-https-enforced", ProbeVerdict.PASS),
                        org.assertj.core.groups.Tuple.tuple("file.s3-credentials", ProbeVerdict.PASS));
        assertThat(Files.readString(folder.securityJson(), StandardCharsets.UTF_8)).doesNotContain(S3rver.SECRET_KEY)
                .doesNotContain(Files.readString(s3.passphraseFile()).strip());
    }
}
