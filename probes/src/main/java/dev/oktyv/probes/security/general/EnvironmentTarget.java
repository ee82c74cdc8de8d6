package dev.oktyv.probes.security.general;

import java.util.Map;

/** The environment variables visible to the process ({@code System.getenv()} in a real run, a map in tests). */
public record EnvironmentTarget(Map<String, String> variables) {

    public EnvironmentTarget {
        variables = Map.copyOf(variables);
    }

    @Override
    public String toString() {
        return "EnvironmentTarget[" + variables.size() + " variables]";
    }
}
