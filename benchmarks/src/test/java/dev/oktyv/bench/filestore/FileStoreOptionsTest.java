package dev.oktyv.bench.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.bench.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared {@code --files}/{@code --s3-*} options: every bad value is exit 2 in one line, no key echoed. */
class FileStoreOptionsTest {

    /** Looks like an AWS key; must never appear in any output. */
    private static final String LITERAL_KEY = "AKIAFAKEFAKEFAKE1234";

    @TempDir
    Path dir;
    @TempDir
    Path results;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OktyvBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<String> s3Args(String accessKey, String secretKey) throws Exception {
        Path passphrase = Files.writeString(dir.resolve("pass"), "some passphrase");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        return List.of("--files", "s3://bucket-x/prefix", "--s3-endpoint", "http://127.0.0.1:9", "--s3-path-style",
                "--s3-allow-plain-http-loopback", "--s3-access-key-id", accessKey, "--s3-secret-key", secretKey,
                "--s3-vault-dir", dir.toString(), "--s3-vault-passphrase-file", passphrase.toString());
    }

    private int command(String name, List<String> args) {
        List<String> all = new ArrayList<>(List.of(name));
        if (!name.equals("serve")) {
            all.addAll(List.of("--results-dir", results.toString()));
        }
        all.addAll(args);
        return run(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "load", "security"})
    void aLiteralKeyIsAUsageErrorAndIsNotEchoed(String command) throws Exception {
        int exit = command(command, s3Args("vault:s3/id", LITERAL_KEY));
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).startsWith("error: --s3-secret-key: secretAccessKey must be a vault reference")
                .doesNotContain("\n");
        assertThat(out + err.toString()).doesNotContain(LITERAL_KEY);
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void aMissingVaultKeyIsAUsageErrorNamingTheReference() throws Exception {
        int exit = command("security", List.of(s3Args("vault:s3/id", "vault:s3/secret").toArray(String[]::new)));
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("S3 credentials: no secret at vault:s3/id").doesNotContain("Exception");
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void aPassphraseFileOthersCanReadIsRefused() throws Exception {
        List<String> args = s3Args("vault:s3/id", "vault:s3/secret");
        Files.setPosixFilePermissions(dir.resolve("pass"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(command("security", args)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is rw-r--r--: make it readable by its owner only");
    }

    @Test
    void s3OptionsWithoutAnS3LocationAreRefusedNotIgnored() {
        assertThat(run("serve", "--s3-endpoint", "https://s3.example.com", "--s3-path-style")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--s3-endpoint, --s3-path-style apply to --files s3://BUCKET/PREFIX only");
    }

    @Test
    void anS3LocationNeedsAPrefix() {
        assertThat(run("serve", "--files", "s3://bucket-x")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--files 's3://bucket-x' must be s3://BUCKET/PREFIX");
    }

    @Test
    void plainHttpToARemoteEndpointIsRefused() throws Exception {
        List<String> args = new ArrayList<>(s3Args("vault:s3/id", "vault:s3/secret"));
        args.set(args.indexOf("http://127.0.0.1:9"), "http://s3.example.com");
        assertThat(command("serve", args)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("endpoint 'http://s3.example.com': plain http is not allowed, use https");
    }

    @Test
    void loadBackendS3NeedsAnS3LocationAndAFileScenario() throws Exception {
        assertThat(command("load", List.of("files", "--backend", "s3"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--backend s3 needs --files s3://BUCKET/PREFIX");
        assertThat(command("load", List.of("files", "--backend", "tape"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'--backend'").contains("tape");
        List<String> args = new ArrayList<>(List.of("database"));
        args.addAll(s3Args("vault:s3/id", "vault:s3/secret"));
        assertThat(command("load", args)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--backend/--files apply to the files and service-files scenarios");
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void benchmarksWithoutAnEndpointFailInOneLineAndReadTheEnvironmentToo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3Settings.fromProperties(k -> null, k -> null))
                .hasMessage("backend=s3 needs -Doktyv.s3.endpoint=… (or OKTYV_S3_ENDPOINT); see docs/database-and-files.md");
        java.util.Map<String, String> env = java.util.Map.of("OKTYV_S3_ENDPOINT", "https://s3.example.com",
                "OKTYV_S3_URL", "s3://bucket-x/bench", "OKTYV_S3_ACCESS_KEY_ID", "vault:s3/id",
                "OKTYV_S3_SECRET_KEY", "vault:s3/secret", "OKTYV_S3_VAULT_DIR", "/v",
                "OKTYV_S3_VAULT_PASSPHRASE_FILE", "/p");
        // A system property wins over the environment.
        S3Settings s = S3Settings.fromProperties(k -> k.equals("oktyv.s3.region") ? "eu-west-1" : null, env::get);
        assertThat(s.config().bucket()).isEqualTo("bucket-x");
        assertThat(s.config().prefix()).isEqualTo("bench/");
        assertThat(s.config().region()).isEqualTo("eu-west-1");
        assertThat(s.passphraseFile()).isEqualTo(Path.of("/p"));
        assertThat(s.description()).isEqualTo("S3 s3://bucket-x/bench/ at https://s3.example.com");
    }

    @Test
    void readinessTakesS3OnlyAndOnlyWithItsSecurityPhase() throws Exception {
        assertThat(command("readiness", List.of("--files", dir.toString()))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("readiness takes only --files s3://BUCKET/PREFIX");
        List<String> args = new ArrayList<>(List.of("--phases", "load"));
        args.addAll(s3Args("vault:s3/id", "vault:s3/secret"));
        assertThat(command("readiness", args)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--files s3://… applies to the security phase, which --phases [load]"
                + " leaves out");
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void securityTakesNoLocalFilesDirectory() {
        assertThat(command("security", List.of("--files", dir.toString()))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("security takes only --files s3://BUCKET/PREFIX");
    }
}
