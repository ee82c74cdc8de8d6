package dev.oktyv.system.vault;

/**
 * Base of every Vault failure. Messages name the vault (and, where useful, the key or file offset), never a
 * secret value or a passphrase.
 */
public class VaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
