package dev.oktyv.system.secret;

/** A {@link SecretReference} points at nothing. The message names the reference, never any value. */
public class SecretNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretNotFoundException(SecretReference reference) {
        super("no secret at " + reference);
    }
}
