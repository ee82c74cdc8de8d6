package dev.oktyv.bench.filestore;

import dev.oktyv.system.files.s3.S3FileStore;
import dev.oktyv.system.files.s3.S3StoreConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An S3 file store as a command or benchmark configures it: the store's configuration (credentials as
 * {@code vault:} references only) and the vault they resolve in.
 *
 * @param config         validated by {@link S3StoreConfig}
 * @param vaultDir       where the referenced vaults live
 * @param passphraseFile the vaults' passphrase, readable by its owner only
 */
public record S3Settings(S3StoreConfig config, Path vaultDir, Path passphraseFile) {

    /** The scheme of {@code --files s3://BUCKET/PREFIX}. */
    public static final String SCHEME = "s3://";

    public S3Settings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(vaultDir, "vaultDir");
        Objects.requireNonNull(passphraseFile, "passphraseFile");
    }

    /** The raw settings, named after their command-line options; null where not given. */
    public record Raw(String location, String endpoint, String region, boolean pathStyle,
                      boolean allowPlainHttpLoopback, String accessKeyId, String secretKey, Path vaultDir,
                      Path passphraseFile) {
    }

    /**
     * Validates everything before anything is opened.
     *
     * @throws IllegalArgumentException one line naming the option and the bad value (never a credential)
     */
    public static S3Settings of(Raw raw) {
        S3StoreConfig.Builder b = S3StoreConfig.builder();
        String rest = raw.location().substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("--files '" + raw.location() + "' must be s3://BUCKET/PREFIX (a key"
                    + " prefix is required: the store is confined to it)");
        }
        if (raw.accessKeyId() == null || raw.secretKey() == null) {
            throw new IllegalArgumentException("--files " + SCHEME + "… needs --s3-access-key-id vault:VAULT/KEY and"
                    + " --s3-secret-key vault:VAULT/KEY");
        }
        if (raw.vaultDir() == null || raw.passphraseFile() == null) {
            throw new IllegalArgumentException("--files " + SCHEME + "… needs --s3-vault-dir DIR and"
                    + " --s3-vault-passphrase-file FILE: the credentials' vault: references resolve there");
        }
        try {
            b.bucket(rest.substring(0, slash)).prefix(rest.substring(slash + 1)).pathStyle(raw.pathStyle())
                    .allowPlainHttpLoopback(raw.allowPlainHttpLoopback());
            if (raw.region() != null) {
                b.region(raw.region());
            }
            if (raw.endpoint() != null) {
                b.endpoint(endpoint(raw.endpoint()));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--files/--s3-*: " + e.getMessage());
        }
        // Separate, so the message names the option; the builder never shows the value.
        try {
            b.accessKeyId(raw.accessKeyId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--s3-access-key-id: " + e.getMessage());
        }
        try {
            b.secretAccessKey(raw.secretKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--s3-secret-key: " + e.getMessage());
        }
        try {
            return new S3Settings(b.build(), raw.vaultDir(), raw.passphraseFile());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--files/--s3-*: " + e.getMessage());
        }
    }

    /**
     * For the JMH benchmarks, which have no command line: system properties {@code oktyv.s3.<name>}, else the
     * environment's {@code OKTYV_S3_<NAME>} (names: url, endpoint, region, pathStyle, allowPlainHttpLoopback,
     * accessKeyId, secretKey, vaultDir, vaultPassphraseFile).
     *
     * @throws IllegalArgumentException one line saying which setting is missing or bad
     */
    public static S3Settings fromProperties(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        UnaryOperator<String> get = name -> {
            String p = properties.apply("oktyv.s3." + name);
            return p != null ? p : environment.apply("OKTYV_S3_" + name.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
        };
        for (String required : new String[] {"endpoint", "url"}) {
            if (get.apply(required) == null) {
                throw new IllegalArgumentException("backend=s3 needs -Doktyv.s3." + required + "=… (or OKTYV_S3_"
                        + required.toUpperCase(Locale.ROOT) + "); see docs/database-and-files.md");
            }
        }
        String url = get.apply("url");
        if (!url.startsWith(SCHEME)) {
            throw new IllegalArgumentException("oktyv.s3.url '" + url + "' must be s3://BUCKET/PREFIX");
        }
        String vaultDir = get.apply("vaultDir");
        String passphrase = get.apply("vaultPassphraseFile");
        return of(new Raw(url, get.apply("endpoint"), get.apply("region"),
                Boolean.parseBoolean(get.apply("pathStyle")), Boolean.parseBoolean(get.apply("allowPlainHttpLoopback")),
                get.apply("accessKeyId"), get.apply("secretKey"), vaultDir == null ? null : Path.of(vaultDir),
                passphrase == null ? null : Path.of(passphrase)));
    }

    /** Opens the vault (checking the references resolve) and the store. */
    public OpenedStore open() {
        VaultCredentials credentials = VaultCredentials.open(vaultDir, passphraseFile, config.accessKeyId(),
                config.secretAccessKey());
        S3FileStore store = new S3FileStore(config, credentials.resolver());
        return new OpenedStore(store, description(), () -> {
            store.close();
            credentials.close();
        });
    }

    /** Opens only the vault, for callers that build their stores themselves (the security probes' target). */
    public VaultCredentialsHandle openCredentials() {
        VaultCredentials c = VaultCredentials.open(vaultDir, passphraseFile, config.accessKeyId(),
                config.secretAccessKey());
        return new VaultCredentialsHandle(c.resolver(), c::close);
    }

    /** The resolver of an opened vault and how to close it. */
    public record VaultCredentialsHandle(dev.oktyv.system.secret.SecretResolver resolver, Runnable closer)
            implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /** For console lines: no credential, no reference needed to tell stores apart. */
    public String description() {
        return "S3 " + SCHEME + config.bucket() + "/" + config.prefix()
                + config.endpoint().map(e -> " at " + e).orElse(" (AWS, " + config.region() + ")");
    }

    private static URI endpoint(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--s3-endpoint '" + text + "' is not a URL: " + e.getReason());
        }
    }
}
