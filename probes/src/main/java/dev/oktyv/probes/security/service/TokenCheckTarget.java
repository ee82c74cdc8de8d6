package dev.oktyv.probes.security.service;

import java.util.Objects;

/**
 * The class that compares bearer tokens inside the service process, for the constant-time inspection. Only an
 * in-process service has one; a service at {@code --target-url} runs elsewhere.
 */
public record TokenCheckTarget(Class<?> implementation) {

    public TokenCheckTarget {
        Objects.requireNonNull(implementation, "implementation");
    }
}
