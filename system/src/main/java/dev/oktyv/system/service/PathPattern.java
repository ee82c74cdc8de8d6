package dev.oktyv.system.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A route path such as {@code /vault/{vault}/{key}}: literal segments, {@code {name}} variables matching exactly
 * one non-empty segment, and an optional last {@code {name...}} matching the rest of the path (one or more
 * segments, joined with {@code /}), for file paths. Matching works on already-decoded segments.
 */
public final class PathPattern {

    private final String text;
    private final List<String> literals = new ArrayList<>(); // null where the segment is a variable
    private final List<String> variables = new ArrayList<>();
    private final boolean greedyLast;

    public PathPattern(String text) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with /, was " + text);
        }
        this.text = text;
        String[] segs = text.substring(1).split("/", -1);
        boolean greedy = false;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            if (s.isEmpty() && !(segs.length == 1)) {
                throw new IllegalArgumentException("route path " + text + " has an empty segment");
            }
            if (s.startsWith("{") && s.endsWith("}")) {
                String name = s.substring(1, s.length() - 1);
                if (name.endsWith("...")) {
                    if (i != segs.length - 1) {
                        throw new IllegalArgumentException("route path " + text + ": {" + name + "} must be last");
                    }
                    name = name.substring(0, name.length() - 3);
                    greedy = true;
                }
                if (!name.matches("[a-zA-Z][a-zA-Z0-9_]*") || !names.add(name)) {
                    throw new IllegalArgumentException("route path " + text + ": bad or repeated variable {" + name + "}");
                }
                literals.add(null);
                variables.add(name);
            } else {
                if (s.contains("{") || s.contains("}")) {
                    throw new IllegalArgumentException("route path " + text + ": braces must enclose a whole segment");
                }
                literals.add(s);
                variables.add(null);
            }
        }
        this.greedyLast = greedy;
    }

    /** The variables of a match, or empty if {@code segments} (decoded path segments) does not match. */
    public Optional<Map<String, String>> match(List<String> segments) {
        int n = literals.size();
        if (greedyLast ? segments.size() < n : segments.size() != n) {
            return Optional.empty();
        }
        Map<String, String> vars = null;
        for (int i = 0; i < n; i++) {
            String lit = literals.get(i);
            if (lit != null) {
                if (!lit.equals(segments.get(i))) {
                    return Optional.empty();
                }
                continue;
            }
            String value = greedyLast && i == n - 1
                    ? String.join("/", segments.subList(i, segments.size()))
                    : segments.get(i);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (vars == null) {
                vars = new LinkedHashMap<>();
            }
            vars.put(variables.get(i), value);
        }
        return Optional.of(vars == null ? Map.of() : vars);
    }

    @Override
    public String toString() {
        return text;
    }
}
