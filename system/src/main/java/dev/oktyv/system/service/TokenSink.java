package dev.oktyv.system.service;

import dev.oktyv.system.secret.Secret;

/**
 * Where the generated token goes besides the one-time console line, e.g. into the vault
 * ({@code vault:oktyv-service/token}) so that load scenarios can resolve it. The sink must not log it.
 */
@FunctionalInterface
public interface TokenSink {

    /** Keeps nowhere: the token exists only in the printed line and in memory (as a hash). */
    TokenSink NONE = token -> { };

    void store(Secret token) throws Exception;
}
