package dev.oktyv.system.database;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redaction of credentials that may be embedded in a JDBC URL, so a URL can appear in an error message. The URL is
 * parsed rather than matched by one pattern (which let {@code p@ss}, {@code pa/ss}, {@code pass=}, {@code sslkey=}
 * and {@code PASSWORD=a&b} through):
 * <ul>
 *   <li>userinfo ({@code //user:pass@host}): the password runs from the first ':' to the <em>last</em> '@' of the
 *       authority, so an '@' or '/' inside it is covered;</li>
 *   <li>Oracle's {@code jdbc:oracle:thin:user/pass@host};</li>
 *   <li>parameters after '?', '&amp;' or ';' whose name contains pass, pwd, secret, token, key or credential
 *       (password, sslpassword, pass, sslkey, apiToken, ...): the value runs to the next well-formed parameter
 *       ({@code &name=} or {@code ;name=}) or the end, so an '&amp;' inside it is covered. When in doubt more is
 *       redacted, never less.</li>
 * </ul>
 */
public final class JdbcUrls {

    private static final Pattern PARAM_START = Pattern.compile("[&;]([A-Za-z0-9_.-]+)=|\\?([A-Za-z0-9_.-]+)=");
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "(?i).*(pass|pwd|secret|token|key|credential).*");
    private static final Pattern ORACLE_THIN = Pattern.compile("(?i)(jdbc:oracle:thin:)([^/@:\\s]+)/[^@]*@");

    private JdbcUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        String s = ORACLE_THIN.matcher(url).replaceAll("$1$2/***@");
        return redactParameters(redactUserInfo(s));
    }

    private static String redactUserInfo(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        for (int slashes = s.indexOf("//"); slashes >= 0; slashes = s.indexOf("//", from)) {
            int start = slashes + 2;
            int end = firstOf(s, start, "?;# ");
            int at = s.lastIndexOf('@', end - 1);
            int colon = s.indexOf(':', start);
            out.append(s, from, start);
            if (at >= start && colon >= 0 && colon < at) {
                out.append(s, start, colon + 1).append("***");
                from = at;
            } else {
                from = start;
            }
        }
        return out.append(s, from, s.length()).toString();
    }

    private static String redactParameters(String s) {
        Matcher m = PARAM_START.matcher(s);
        List<Param> params = new ArrayList<>();
        boolean querySeen = false;
        while (m.find()) {
            boolean question = m.group(2) != null;
            if (question && querySeen) {
                continue; // only the first '?' opens parameters; a later one is part of a value
            }
            querySeen |= question;
            String name = question ? m.group(2) : m.group(1);
            params.add(new Param(m.start(), m.end(), SENSITIVE_NAME.matcher(name).matches()));
        }
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        for (int i = 0; i < params.size(); i++) {
            int valueStart = params.get(i).valueStart();
            if (!params.get(i).sensitive() || valueStart < from) {
                continue;
            }
            int valueEnd = i + 1 < params.size() ? params.get(i + 1).start() : s.length();
            out.append(s, from, valueStart).append("***");
            from = valueEnd;
        }
        return out.append(s, from, s.length()).toString();
    }

    /** A parameter in the URL: where its separator is, where its value starts, whether the value is secret. */
    private record Param(int start, int valueStart, boolean sensitive) {
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
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
