package dev.oktyv.system.database;

import java.util.regex.Pattern;

/**
 * Redaction of credentials that may be embedded in a JDBC URL, so a URL can appear in an error message.
 * Covers the userinfo form ({@code //user:pass@host}), query parameters ({@code ?password=..&}) and H2's
 * semicolon settings ({@code ;PASSWORD=..}), for any parameter whose name contains "password", "secret" or
 * "token" (e.g. {@code sslpassword}).
 */
public final class JdbcUrls {

    private static final Pattern USERINFO = Pattern.compile("(//[^/?;@]*?):[^/?;@]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;][a-z_.-]*(?:password|secret|token|pwd)[a-z_.-]*=)[^&;]*");

    private JdbcUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        String s = USERINFO.matcher(url).replaceAll("$1:***@");
        return SECRET_PARAM.matcher(s).replaceAll("$1***");
    }

    /** Redacts URL credentials and every occurrence of the given secret values from {@code text}. */
    static String redact(String text, String url, char[]... secrets) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (url != null && !url.isEmpty()) {
            s = s.replace(url, redact(url));
        }
        s = redact(s);
        for (char[] secret : secrets) {
            // Very short values would redact ordinary words; a 1-2 character password is not worth protecting
            // at the cost of garbling every message.
            if (secret != null && secret.length >= 3) {
                s = s.replace(new String(secret), "***");
            }
        }
        return s;
    }
}
