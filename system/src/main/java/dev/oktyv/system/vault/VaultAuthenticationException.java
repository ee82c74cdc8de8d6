package dev.oktyv.system.vault;

/**
 * The passphrase does not open the vault: the header is intact (its checksum matches) but the key check block
 * does not authenticate under the derived key.
 */
public class VaultAuthenticationException extends VaultException {

    private static final long serialVersionUID = 1L;

    public VaultAuthenticationException(String vaultName) {
        super("wrong passphrase for vault '" + vaultName + "'");
    }
}
