package dev.oktyv.system.api;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which URLs may be called: {@code https} always; {@code http} only to a loopback host and only when the
 * client was built with {@code allowLoopbackHttp}. Loopback is decided from the literal address, never by name
 * or DNS: not even {@code localhost}, which a hosts file or resolver can point anywhere, so a name that merely
 * resolves to 127.0.0.1 today cannot open a plaintext channel.
 */
public final class UrlPolicy {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final boolean allowLoopbackHttp;

    public UrlPolicy(boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (!scheme.equals("http")) {
            throw new InsecureUrlException("refusing '" + safe(uri) + "': only https URLs are allowed");
        }
        if (!isLoopback(uri.getHost())) {
            throw new InsecureUrlException("refusing '" + safe(uri) + "': plain http is not allowed, use https");
        }
        if (!allowLoopbackHttp) {
            throw new InsecureUrlException("refusing '" + safe(uri)
                    + "': plain http to loopback needs ApiClientConfig.allowLoopbackHttp(true)");
        }
    }

    /** True for a literal loopback address (127.0.0.0/8, ::1); no name, no DNS lookup. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }

    private static String safe(URI uri) {
        return ApiRequest.describe(uri);
    }
}
