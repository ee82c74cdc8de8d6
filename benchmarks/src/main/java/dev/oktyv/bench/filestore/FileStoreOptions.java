package dev.oktyv.bench.filestore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The file store options every command shares ({@code serve}, {@code load}, {@code security}, {@code readiness}):
 * {@code --files DIR|s3://BUCKET/PREFIX} and the S3 settings. Credentials are taken only as {@code vault:}
 * references, resolved in {@code --s3-vault-dir} with the passphrase in {@code --s3-vault-passphrase-file}.
 */
public final class FileStoreOptions {

    @Option(names = "--files", paramLabel = "DIR|s3://BUCKET/PREFIX", description = {"Where the File engine keeps its"
            + " files: a local directory, or an S3 bucket and key prefix", "(default: a temporary local directory)."})
    String files;
    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3 endpoint (https; default: AWS's endpoint"
            + " of --s3-region).")
    String endpoint;
    @Option(names = "--s3-region", paramLabel = "REGION", description = "S3 region (default: us-east-1).")
    String region;
    @Option(names = "--s3-path-style", description = "Path-style requests (https://host/bucket/key), for"
            + " S3-compatible servers.")
    boolean pathStyle;
    @Option(names = "--s3-access-key-id", paramLabel = "vault:VAULT/KEY", description = "Access key id, as a vault"
            + " reference only.")
    String accessKeyId;
    @Option(names = "--s3-secret-key", paramLabel = "vault:VAULT/KEY", description = "Secret access key, as a vault"
            + " reference only.")
    String secretKey;
    @Option(names = "--s3-vault-dir", paramLabel = "DIR", description = "The vault directory the references resolve in.")
    Path vaultDir;
    @Option(names = "--s3-vault-passphrase-file", paramLabel = "FILE", description = "File (mode 600) holding that"
            + " vault's passphrase.")
    Path passphraseFile;
    @Option(names = "--s3-allow-plain-http-loopback", description = "Allow http:// to a literal loopback address"
            + " (a local S3 server such as s3rver).")
    boolean allowPlainHttpLoopback;

    /** Whether {@code --files} names an S3 location. */
    public boolean isS3() {
        return files != null && files.startsWith(S3Settings.SCHEME);
    }

    /**
     * The location, validated; every {@code --s3-*} option without {@code --files s3://…} is a usage error, never
     * silently ignored.
     *
     * @throws IllegalArgumentException one line naming the option and value at fault (never a credential)
     */
    public FileLocation location() {
        if (isS3()) {
            return new FileLocation.S3(S3Settings.of(new S3Settings.Raw(files, endpoint, region, pathStyle,
                    allowPlainHttpLoopback, accessKeyId, secretKey, vaultDir, passphraseFile)));
        }
        List<String> s3Only = new ArrayList<>();
        add(s3Only, "--s3-endpoint", endpoint != null);
        add(s3Only, "--s3-region", region != null);
        add(s3Only, "--s3-path-style", pathStyle);
        add(s3Only, "--s3-access-key-id", accessKeyId != null);
        add(s3Only, "--s3-secret-key", secretKey != null);
        add(s3Only, "--s3-vault-dir", vaultDir != null);
        add(s3Only, "--s3-vault-passphrase-file", passphraseFile != null);
        add(s3Only, "--s3-allow-plain-http-loopback", allowPlainHttpLoopback);
        if (!s3Only.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", s3Only) + " appl" + (s3Only.size() == 1 ? "ies" : "y")
                    + " to --files s3://BUCKET/PREFIX only" + (files == null ? "" : ", not to '" + files + "'"));
        }
        if (files != null && files.contains("://")) {
            throw new IllegalArgumentException("--files '" + files + "' must be a directory or s3://BUCKET/PREFIX");
        }
        return new FileLocation.Local(Optional.ofNullable(files).map(Path::of));
    }

    private static void add(List<String> out, String option, boolean given) {
        if (given) {
            out.add(option);
        }
    }
}
