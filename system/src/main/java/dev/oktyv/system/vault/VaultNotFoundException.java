package dev.oktyv.system.vault;

import java.nio.file.Path;

/** No vault of that name exists in the vault directory. */
public class VaultNotFoundException extends VaultException {

    private static final long serialVersionUID = 1L;

    public VaultNotFoundException(String vaultName, Path directory) {
        super("no vault '" + vaultName + "' in " + directory);
    }
}
