package dev.oktyv.results.store.pg;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code --store} URL for PostgreSQL: {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME&currentSchema=S]}.
 * A password has no place in it: one in the query ({@code password=}, {@code sslpassword=}) or in a user-info part
 * ({@code user:secret@host}) is refused without being repeated, because URLs end up in shell history, CI logs and
 * process listings; the password comes from the vault instead.
 *
 * @param schema the {@code currentSchema} parameter: where the store's tables live (default: the user's default)
 */
public record PgStoreUrl(String url, Optional<String> schema) {

    public static final String PREFIX = "jdbc:postgresql://";
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public PgStoreUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(schema, "schema");
    }

    public static boolean accepts(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** @throws IllegalArgumentException naming what is wrong, never echoing a password */
    public static PgStoreUrl parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("store URL must start with " + PREFIX
                    + " (jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME])");
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        if (authority.contains("@")) {
            boolean secret = authority.substring(0, authority.lastIndexOf('@')).contains(":");
            throw new IllegalArgumentException(secret
                    ? "store URL carries a password in its user-info (shown here as jdbc:postgresql://USER:***@…):"
                    + " a password comes from the vault (--store-password vault:VAULT/KEY), never from the URL"
                    : "store URL has a user-info part (USER@HOST): give the user as ?user=NAME");
        }
        if (authority.isEmpty() || slash < 0 || slash == beforeQuery.length() - 1) {
            throw new IllegalArgumentException("store URL '" + url + "' names no host and database"
                    + " (jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        Optional<String> schema = Optional.empty();
        if (q >= 0) {
            for (String param : rest.substring(q + 1).split("&")) {
                int eq = param.indexOf('=');
                String key = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (key.contains("password")) {
                    throw new IllegalArgumentException("store URL carries a password ('" + key + "=…'): a password"
                            + " comes from the vault (--store-password vault:VAULT/KEY), never from the URL");
                }
                if (key.equals("currentschema")) {
                    String s = eq < 0 ? "" : param.substring(eq + 1);
                    if (!SCHEMA.matcher(s).matches()) {
                        throw new IllegalArgumentException("store URL: currentSchema '" + s
                                + "' is not a plain schema name (letters, digits, '_')");
                    }
                    schema = Optional.of(s);
                }
            }
        }
        return new PgStoreUrl(url, schema);
    }

    @Override
    public String toString() {
        return url;
    }
}
