package dev.oktyv.system.vault;

import java.util.regex.Pattern;

/** Validates vault and key names; messages name the bad value so the user can see what to fix. */
public final class VaultNames {

    /** Lower case only, so names map to the same file on case-insensitive file systems. */
    public static final Pattern VAULT_NAME = Pattern.compile("^[a-z0-9-]{1,50}$");
    public static final Pattern KEY_NAME = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");

    /** Long enough to show any valid name; caps the echo of absurd input. */
    private static final int MAX_ECHO = 160;

    private VaultNames() {
    }

    public static String requireVaultName(String name) {
        return require("vault name", name, VAULT_NAME);
    }

    public static String requireKeyName(String key) {
        // Checked on every get: a hand-written loop costs a few ns where the regex costs ~100.
        if (key != null && isKeyName(key)) {
            return key;
        }
        return require("key name", key, KEY_NAME);
    }

    private static boolean isKeyName(String key) {
        int n = key.length();
        if (n < 1 || n > 128) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static boolean isVaultName(String name) {
        return name != null && VAULT_NAME.matcher(name).matches();
    }

    private static String require(String what, String value, Pattern pattern) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + echo(value) + "' is invalid: it must match "
                    + pattern.pattern());
        }
        return value;
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…(" + value.length() + " chars)";
    }
}
