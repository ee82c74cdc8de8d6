package dev.oktyv.bench.filestore;

import dev.oktyv.system.files.s3.S3rver;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

/**
 * The command-line set-up for an S3 store on s3rver: a vault {@code s3} holding s3rver's fixed keys under
 * {@code access-key} and {@code secret-key}, its passphrase in a 0600 file, and the {@code --files s3://… --s3-*}
 * arguments that point at them. Every call of {@link #args()} uses a fresh key prefix.
 */
public final class S3Fixture {

    public static final String ACCESS_KEY_REF = "vault:s3/access-key";
    public static final String SECRET_KEY_REF = "vault:s3/secret-key";
    /** A test passphrase, not a secret of anything real. */
    private static final String PASSPHRASE = "s3-fixture-passphrase";

    private final S3rver server;
    private final Path vaultDir;
    private final Path passphraseFile;

    private S3Fixture(S3rver server, Path vaultDir, Path passphraseFile) {
        this.server = server;
        this.vaultDir = vaultDir;
        this.passphraseFile = passphraseFile;
    }

    public static S3Fixture create(S3rver server, Path dir) throws IOException {
        Path vaultDir = Files.createDirectories(dir.resolve("vaults"));
        try (VaultManager vaults = new VaultManager(vaultDir); Vault v = vaults.create("s3", Secret.of(PASSPHRASE))) {
            v.set("access-key", Secret.of(S3rver.ACCESS_KEY));
            v.set("secret-key", Secret.of(S3rver.SECRET_KEY));
        }
        Path passphrase = dir.resolve("passphrase");
        Files.writeString(passphrase, PASSPHRASE + "\n");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        return new S3Fixture(server, vaultDir, passphrase);
    }

    public Path passphraseFile() {
        return passphraseFile;
    }

    /** {@code --files s3://oktyv-test/<fresh prefix> --s3-…}. */
    public List<String> args() {
        return args("bench-" + UUID.randomUUID());
    }

    public List<String> args(String prefix) {
        return List.of("--files", "s3://" + S3rver.BUCKET + "/" + prefix, "--s3-endpoint", server.endpoint().toString(),
                "--s3-path-style", "--s3-allow-plain-http-loopback", "--s3-access-key-id", ACCESS_KEY_REF,
                "--s3-secret-key", SECRET_KEY_REF, "--s3-vault-dir", vaultDir.toString(), "--s3-vault-passphrase-file",
                passphraseFile.toString());
    }

    /** The same settings, as the benchmarks read them from system properties. */
    public S3Settings settings(String prefix) {
        List<String> a = args(prefix);
        return S3Settings.of(new S3Settings.Raw(a.get(1), a.get(3), null, true, true, ACCESS_KEY_REF, SECRET_KEY_REF,
                vaultDir, passphraseFile));
    }

    public Path vaultDir() {
        return vaultDir;
    }
}
