package dev.oktyv.system.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The routes of the service, matched in registration order. A handful of routes: a linear scan is enough. */
public final class RouteTable {

    /** A route that matched, with its decoded path variables and its index (for per-route metrics). */
    public record Match(Route route, int index, Map<String, String> variables) {
    }

    private final List<Route> routes;
    private final List<PathPattern> patterns;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.patterns = new ArrayList<>(routes.size());
        Set<String> seen = new HashSet<>();
        for (Route r : this.routes) {
            if (!seen.add(r.method() + " " + r.path())) {
                throw new IllegalArgumentException("route " + r.method() + " " + r.path() + " is registered twice");
            }
            patterns.add(new PathPattern(r.path()));
        }
    }

    public List<Route> routes() {
        return routes;
    }

    public Optional<Match> find(HttpMethod method, List<String> segments) {
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            if (r.method() != method) {
                continue;
            }
            Optional<Map<String, String>> vars = patterns.get(i).match(segments);
            if (vars.isPresent()) {
                return Optional.of(new Match(r, i, vars.get()));
            }
        }
        return Optional.empty();
    }

    /** Methods that some route accepts on this path, for a 405's {@code Allow} header; empty means 404. */
    public Set<HttpMethod> allowedMethods(List<String> segments) {
        Set<HttpMethod> allowed = EnumSet.noneOf(HttpMethod.class);
        for (int i = 0; i < routes.size(); i++) {
            if (patterns.get(i).match(segments).isPresent()) {
                allowed.add(routes.get(i).method());
            }
        }
        return allowed;
    }

    /** Whether the path belongs only to public routes (so a 404/405 there is not hidden behind a 401). */
    public boolean isPublicPath(List<String> segments) {
        boolean any = false;
        for (int i = 0; i < routes.size(); i++) {
            if (patterns.get(i).match(segments).isPresent()) {
                if (routes.get(i).requiresToken()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
