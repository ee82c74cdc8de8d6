package dev.oktyv.system.service.routes;

import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.Request;
import java.util.regex.Pattern;

/** Vault and key names accepted on the wire: short, and nothing a file-backed vault could misread as a path. */
final class VaultNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private VaultNames() {
    }

    static String vault(Request r) {
        return check("vault", r.pathVariable("vault"));
    }

    static String key(Request r) {
        return check("key", r.pathVariable("key"));
    }

    private static String check(String what, String value) {
        if (!NAME.matcher(value).matches()) {
            // The value is not echoed: it came from the client and may be long or hostile.
            throw ApiException.badRequest(what + " name must match " + NAME.pattern());
        }
        return value;
    }
}
