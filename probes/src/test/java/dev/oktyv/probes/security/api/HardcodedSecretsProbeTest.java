package dev.oktyv.probes.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardcodedSecretsProbeTest {

    @TempDir
    Path scratch;

    /** The weakness: a constant API key in a class, as a careless developer would write it. */
    static final class LeakyClient {
        static final String API_KEY = "q8ZrT2vLx9WmB4nKp7YdH3sF";
        static final String GREETING = "hello, this is not a secret at all";
    }

    private ProbeOutcome scan(Path... roots) throws Exception {
        return new HardcodedSecretsProbe().run(SecurityTarget.builder().scratchDir(scratch)
                .with(SecretScanTarget.class, new SecretScanTarget(List.of(roots))).build());
    }

    @Test
    void findsAKeyConstantAPrivateKeyAndAConfiguredPasswordInAJar() throws Exception {
        Path jar = scratch.resolve("oktyv-leaky.jar");
        String classFile = LeakyClient.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = LeakyClient.class.getResourceAsStream("/" + classFile)) {
            bytes = in.readAllBytes();
        }
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, classFile, bytes);
            put(z, "dev/oktyv/keys/server.pem", ("-----BEGIN " + "PRIVATE KEY-----\nMIIEvQ\n").getBytes(StandardCharsets.UTF_8));
            put(z, "application.properties", "db.url=jdbc:h2:mem:x\ndb.password=Zx8kQ2!pLm9Vw4rT\nname=${NAME}\n"
                    .getBytes(StandardCharsets.UTF_8));
            put(z, "org/thirdparty/test.pem", ("-----BEGIN " + "PRIVATE KEY-----\n").getBytes(StandardCharsets.UTF_8));
        }
        ProbeOutcome o = scan(jar);
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.evidence()).containsExactlyInAnyOrder(
                "oktyv-leaky.jar!" + classFile + ": constant API_KEY holds a high-entropy value (24 characters)",
                "oktyv-leaky.jar!dev/oktyv/keys/server.pem: contains a private key",
                "oktyv-leaky.jar!application.properties: db.password is assigned a high-entropy value (16 characters)");
        assertThat(String.join("\n", o.evidence())).doesNotContain("q8ZrT2").doesNotContain("Zx8kQ2");
    }

    /** The name of an environment variable is not a secret; a random value under the same name still is. */
    @Test
    void aConstantNamingTheVariableThatHoldsTheSecretIsNotOne() {
        assertThat(HardcodedSecretsProbe.looksLikeASecret("PASSPHRASE_ENV", "OKTYV_VAULT_PASSPHRASE")).isFalse();
        assertThat(HardcodedSecretsProbe.looksLikeASecret("db.password.property", "oktyv.db.password")).isFalse();
        assertThat(HardcodedSecretsProbe.looksLikeASecret("PASSPHRASE_ENV", "q8ZrT2xLpW4vN7yK1mB3cD")).isTrue();
        assertThat(HardcodedSecretsProbe.looksLikeASecret("PASSPHRASE", "OKTYV_VAULT_PASSPHRASE")).isTrue();
        assertThat(HardcodedSecretsProbe.looksLikeASecret("TOKEN_ENV", "Zx8k_Q2pLm9Vw4rT_a7Hq")).isTrue();
    }

    @Test
    void theSuitesOwnClassesPass() throws Exception {
        SecretScanTarget own = SecretScanTarget.ownClassPath(System.getProperty("java.class.path"),
                File.pathSeparator);
        assertThat(own.roots()).isNotEmpty();
        ProbeOutcome o = new HardcodedSecretsProbe().run(SecurityTarget.builder().scratchDir(scratch)
                .with(SecretScanTarget.class, own).build());
        assertThat(o.verdict()).as(String.join("\n", o.evidence())).isEqualTo(ProbeVerdict.PASS);
    }

    @Test
    void theOwnClassPathLeavesOutThirdPartyJarsAndTestCode() throws Exception {
        java.nio.file.Path main = java.nio.file.Files.createFile(scratch.resolve("oktyv-system-0.1.0.jar"));
        java.nio.file.Path testJar = java.nio.file.Files.createFile(scratch.resolve("oktyv-system-0.1.0-tests.jar"));
        java.nio.file.Path other = java.nio.file.Files.createFile(scratch.resolve("gson-2.13.2.jar"));
        java.nio.file.Path classes = java.nio.file.Files.createDirectories(scratch.resolve("m/classes"));
        java.nio.file.Path testClasses = java.nio.file.Files.createDirectories(scratch.resolve("m/test-classes"));
        String cp = String.join(File.pathSeparator, main.toString(), testJar.toString(), other.toString(),
                classes.toString(), testClasses.toString());
        assertThat(SecretScanTarget.ownClassPath(cp, File.pathSeparator).roots()).containsExactly(main, classes);
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
