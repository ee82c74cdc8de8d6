package dev.oktyv.system.service.routes;

import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.Request;

/** First line of defence for file paths; the File engine's root confinement is the second. */
final class FilePaths {

    private FilePaths() {
    }

    static String relative(Request r) {
        String p = r.pathVariable("path");
        // Dot segments and NUL were refused by the service already; these would still be read as absolute or
        // as Windows separators by some file system.
        if (p.contains("\\") || p.contains(":") || p.startsWith("/") || p.contains("//") || p.length() > 1024) {
            throw ApiException.badRequest("file path must be relative, '/'-separated, without ':' or '\\\\'");
        }
        return p;
    }
}
