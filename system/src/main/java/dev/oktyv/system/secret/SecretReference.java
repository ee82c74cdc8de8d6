package dev.oktyv.system.secret;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pointer to a secret held in a Vault, written {@code vault:<vault>/<key>} in configuration. Configuration
 * carries the reference, never the value; engines resolve it when they need it (e.g. when a connection opens).
 */
public record SecretReference(String vault, String key) {

    private static final Pattern VAULT = Pattern.compile("[a-z0-9-]{1,50}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern REF = Pattern.compile("vault:([^/]+)/(.+)");

    public SecretReference {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(key, "key");
        if (!VAULT.matcher(vault).matches()) {
            throw new IllegalArgumentException("vault name '" + vault + "' must match " + VAULT.pattern());
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key name '" + key + "' must match " + KEY.pattern());
        }
    }

    /** Parses {@code vault:<vault>/<key>}; empty when {@code text} is not a vault reference at all. */
    public static Optional<SecretReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = REF.matcher(text);
        return m.matches() ? Optional.of(new SecretReference(m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "vault:" + vault + "/" + key;
    }
}
