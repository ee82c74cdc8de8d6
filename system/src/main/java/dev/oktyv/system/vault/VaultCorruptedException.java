package dev.oktyv.system.vault;

/**
 * The vault file is damaged, tampered with or truncated. The message names the vault and the file offset of
 * the problem; it never contains record contents.
 */
public class VaultCorruptedException extends VaultException {

    private static final long serialVersionUID = 1L;

    public VaultCorruptedException(String vaultName, String what) {
        super("vault '" + vaultName + "' is corrupted: " + what);
    }
}
