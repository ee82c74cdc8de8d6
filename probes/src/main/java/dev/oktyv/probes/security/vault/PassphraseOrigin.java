package dev.oktyv.probes.security.vault;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a deployment's master passphrase comes from.
 *
 * @param kind     the source
 * @param location the environment variable's name or the file's path; empty for the others. Never the passphrase.
 */
public record PassphraseOrigin(Kind kind, Optional<String> location) {

    public enum Kind {
        /** Typed at a prompt, never stored. */
        PROMPT,
        /** Generated at start-up and held only in memory (the embedded engines). */
        GENERATED_IN_MEMORY,
        /** Read from a file; acceptable only when only the owner can read it. */
        FILE,
        /** Read from an environment variable: visible to every process of the user and in crash reports. */
        ENVIRONMENT_VARIABLE,
        /** Read from the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service). */
        KEYCHAIN
    }

    public PassphraseOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        if ((kind == Kind.FILE || kind == Kind.ENVIRONMENT_VARIABLE) && location.isEmpty()) {
            throw new IllegalArgumentException("a passphrase origin of kind " + kind + " needs its location");
        }
    }

    public static PassphraseOrigin generatedInMemory() {
        return new PassphraseOrigin(Kind.GENERATED_IN_MEMORY, Optional.empty());
    }

    public static PassphraseOrigin prompt() {
        return new PassphraseOrigin(Kind.PROMPT, Optional.empty());
    }

    public static PassphraseOrigin file(Path path) {
        return new PassphraseOrigin(Kind.FILE, Optional.of(path.toAbsolutePath().toString()));
    }

    public static PassphraseOrigin environmentVariable(String name) {
        return new PassphraseOrigin(Kind.ENVIRONMENT_VARIABLE, Optional.of(name));
    }
}
