package dev.oktyv.system.secret;

/**
 * Resolves {@link SecretReference}s. The Vault engine implements it; the Database and Email engines depend
 * only on this interface, so they can be tested with an in-memory resolver and never see vault internals.
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * @throws SecretNotFoundException when the vault or key does not exist; its message names the reference,
     *                                 never a value
     */
    Secret resolve(SecretReference reference);
}
