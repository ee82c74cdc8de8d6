package dev.oktyv.system.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a route sees it: path variables already matched and decoded, body already read and bounded.
 *
 * @param headers request headers; read them with {@link #header(String)}, which ignores case
 */
public record Request(HttpMethod method, String path, Map<String, String> pathVariables,
                      Map<String, List<String>> headers, byte[] body) {

    public Request {
        pathVariables = Map.copyOf(pathVariables);
    }

    /** A path variable the route's pattern declares; asking for another is a bug in the route. */
    public String pathVariable(String name) {
        String v = pathVariables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route has no path variable " + name);
        }
        return v;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        if (v == null) {
            v = headers.get(name.toLowerCase(Locale.ROOT));
        }
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
