package dev.oktyv.bench.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.security.SecurityFinding;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.SecurityReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code security --category general} from the shaded jar, as a user runs it: the SBOM the CycloneDX plugin wrote is
 * inside the jar and matches no advisory of the bundled snapshot. The child gets an environment without secrets, so
 * every probe must pass.
 */
class SecurityJarIT {

    private static final Path JAR = Path.of(System.getProperty("oktyv.jar", "target/oktyv-bench.jar")).toAbsolutePath();

    @TempDir
    Path cwd;

    @Test
    void generalAndHardcodedSecretsPassFromTheShadedJar() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.language=de", "-Duser.country=DE", "-jar", JAR.toString(), "security",
                "--category", "general", "--results-dir", cwd.resolve("results").toString()))
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(cwd.resolve("out.txt").toFile());
        pb.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.equals("LANG"));
        Process p = pb.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(cwd.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        SecurityReport r = SecurityReportJson.read(Files.readString(
                new ResultsStore(cwd.resolve("results")).list().get(0).securityJson()));
        assertThat(r.findings()).extracting(SecurityFinding::verdict).containsOnly(ProbeVerdict.PASS);
        assertThat(r.findings()).filteredOn(f -> f.probeId().equals("general.dependency-advisories-critical"))
                .singleElement().satisfies(f -> assertThat(f.action())
                        .contains("class path /META-INF/sbom/oktyv-bench.cdx.json"));
        assertThat(out).contains("advisories from bundled snapshot");
    }
}
