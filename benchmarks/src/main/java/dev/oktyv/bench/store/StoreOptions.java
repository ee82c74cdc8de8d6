package dev.oktyv.bench.store;

import dev.oktyv.bench.cli.ResultsDirConverter;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.results.HostClass;
import dev.oktyv.results.HostInfo;
import dev.oktyv.results.ResultsStore;
import dev.oktyv.results.RunFilter;
import dev.oktyv.results.RunStore;
import dev.oktyv.results.RunStores;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.vault.VaultException;
import dev.oktyv.system.vault.VaultManager;
import dev.oktyv.system.vault.VaultSecretResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where runs are read and written, one mixin for every command that does: {@code --results-dir} (the local run
 * folders, always) and {@code --store} (a shared store, {@code OKTYV_STORE}). The store's password comes only from
 * the vault: {@code --store-password vault:VAULT/KEY}, the vault opened with {@value #PASSPHRASE_ENV}.
 */
public final class StoreOptions {

    /** The environment variable a shared store URL may come from. */
    public static final String STORE_ENV = "OKTYV_STORE";
    /** The vault passphrase for {@code --store-password}: an environment variable, never an option. */
    public static final String PASSPHRASE_ENV = "OKTYV_VAULT_PASSPHRASE";

    /** The process environment; a test swaps it, because a JVM cannot set its own environment variables. */
    static java.util.function.UnaryOperator<String> environment = System::getenv;

    @Option(names = "--results-dir", converter = ResultsDirConverter.class, paramLabel = "DIR", defaultValue = "results",
            description = "Root of the run folders (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--store", paramLabel = "URL", defaultValue = "${env:" + STORE_ENV + "}",
            description = "A shared results store, jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME] (default: $"
                    + STORE_ENV + "; none: the run folders under --results-dir). Never put a password in it.")
    String store;

    @Option(names = "--store-password", paramLabel = "vault:VAULT/KEY",
            description = "The store's password, as a vault reference (the vault's passphrase in $" + PASSPHRASE_ENV + ").")
    String storePassword;

    @Option(names = "--host-class", paramLabel = "NAME", description = {"Writing a run: its host class (default: $"
            + HostInfo.HOST_CLASS_ENV + ", else <cpu-model>-<cores>c-jdk<major>).",
            "Reading runs: only runs of this host class count for latest~N and listings."})
    String hostClass;

    @Option(names = "--vault-dir", paramLabel = "DIR", description = "Where the vaults are (default: ~/.oktyv/vaults).")
    Path vaultDir;

    public Path resultsDir() {
        return resultsDir;
    }

    /** The runs a reading command counts: {@code --branch} and {@code --host-class}. */
    public RunFilter filter(RunFilterOptions options) {
        return new RunFilter(options.branch(), hostClass().map(c -> c), Optional.empty());
    }

    /** Whether a reading command filters, or reads a shared store: then it reads through {@link RunStore}. */
    public boolean throughStore(RunFilterOptions options) {
        return storeUrl().isPresent() || options.branch().isPresent() || hostClass != null;
    }

    private Optional<String> hostClass() {
        if (hostClass == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostClass.requireValid(hostClass));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--host-class: " + e.getMessage());
        }
    }

    /** The shared store's URL, when one is named. */
    public Optional<String> storeUrl() {
        return store == null || store.isBlank() ? Optional.empty() : Optional.of(store.strip());
    }

    /** The local run folders, always: writers write here first, and exports land here. */
    public ResultsStore local() {
        return new ResultsStore(resultsDir);
    }

    /** The shared store when {@code --store} is given, else the local one. */
    public RunStore open() throws IOException {
        if (storeUrl().isEmpty()) {
            if (storePassword != null) {
                throw new UsageException("--store-password needs --store (or $" + STORE_ENV + ")");
            }
            return local();
        }
        return openShared(storeUrl().get());
    }

    /** The shared store named by {@code url}; a URL carrying a password or of an unknown scheme is a usage error. */
    public RunStore openShared(String url) throws IOException {
        Optional<char[]> password = password();
        try {
            return RunStores.open(url, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage(), e);
        } finally {
            password.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
        }
    }

    /**
     * For a writing command: its run session's starter and, with {@code --store}, the publisher of the finished
     * folder. The store is opened here, before the run starts, so a malformed URL, a password in it or an
     * unreachable database fails in seconds, before any work and before the command line is recorded.
     */
    public RunPublisher publisher() throws IOException {
        Optional<String> named = hostClass();
        HostInfo detected = HostInfo.detect();
        HostInfo host = named.map(detected::withHostClass).orElse(detected);
        return new RunPublisher(local(), host, storeUrl().isPresent() ? Optional.of(openShared(storeUrl().get())) : Optional.empty());
    }

    private Optional<char[]> password() {
        if (storePassword == null) {
            return Optional.empty();
        }
        SecretReference ref;
        try {
            ref = SecretReference.parse(storePassword).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store-password: " + e.getMessage());
        }
        if (ref == null) {
            // Not echoed: whoever typed a password here has just leaked it once; the message must not do it again.
            throw new UsageException("--store-password must be a vault reference vault:VAULT/KEY, not a password");
        }
        String passphrase = environment.apply(PASSPHRASE_ENV);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new UsageException("--store-password " + ref + ": set $" + PASSPHRASE_ENV + " to the vault's passphrase");
        }
        Path dir = vaultDir != null ? vaultDir : VaultManager.defaultDirectory();
        try (VaultManager vaults = new VaultManager(dir);
             VaultSecretResolver resolver = new VaultSecretResolver(vaults, name -> Secret.of(passphrase));
             Secret secret = resolver.resolve(ref)) {
            return Optional.of(secret.reveal());
        } catch (SecretNotFoundException e) {
            throw new UsageException("--store-password: " + e.getMessage() + " (vaults in " + dir + ")");
        } catch (VaultException e) {
            throw new UsageException("--store-password " + ref + ": " + e.getMessage());
        }
    }
}
