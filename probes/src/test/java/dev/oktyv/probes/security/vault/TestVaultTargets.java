package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.NonceSource;
import dev.oktyv.system.vault.VaultManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The real vault engine (with a cheap KDF, so tests take milliseconds) and deliberately weakened ones, each built
 * in test code: through the engine's own extension points (a constant {@link NonceSource}, a test-only KDF) or as a
 * decorator around the real engine that adds exactly one weakness.
 */
final class TestVaultTargets {

    static final KdfParams FAST = KdfParams.insecureForTestsOnly(1_000);

    private TestVaultTargets() {
    }

    static SecurityTarget target(VaultTarget vaults, Path scratch) {
        return SecurityTarget.builder().with(VaultTarget.class, vaults).scratchDir(scratch).build();
    }

    static VaultTarget real() {
        return new EngineVaultTarget(FAST, PassphraseOrigin.generatedInMemory());
    }

    /**
     * The engine with counter "randomness" that restarts at 0 whenever the engine starts: a nonce counter that is
     * not persisted, the classic GCM nonce bug. (A constant nonce cannot serve: the JDK's GCM refuses to encrypt
     * twice in a row with the same key and IV on one Cipher, so it would crash instead of leaking.)
     */
    static VaultTarget restartingCounterNonces() {
        return custom("vault engine with a nonce counter that restarts at every start", dir -> new ManagerVaultEngine(
                new VaultManager(dir, FAST, new NonceSource(new CounterRandom()))));
    }

    /** A cheap KDF with a correct floor: vaults it creates can be brute-forced. */
    static VaultTarget weakKdf() {
        return new EngineVaultTarget(KdfParams.insecureForTestsOnly(1_000), PassphraseOrigin.generatedInMemory());
    }

    /** The real engine that also keeps a plaintext "journal" of each value next to the vault. */
    static VaultTarget plaintextJournal() {
        return decorated("vault engine with a plaintext journal", (session, journal) -> new ForwardingSession(session) {
            @Override
            public void set(String key, Secret value) {
                super.set(key, value);
                append(journal, key + "=" + value.revealAsString() + "\n");
            }
        });
    }

    /** The real engine whose debug logging prints values. */
    static VaultTarget leakyLogger() {
        return decorated("vault engine that logs values", (session, journal) -> new ForwardingSession(session) {
            @Override
            public void set(String key, Secret value) {
                Logger.getLogger("oktyv.vault.debug").fine("set " + key + " = " + value.revealAsString());
                super.set(key, value);
            }
        });
    }

    /** The real engine whose files end up world-readable (a chmod 0644 after each write, like a bad umask fix-up). */
    static VaultTarget worldReadable() {
        return decorated("vault engine that leaves files 0644", (session, journal) -> new ForwardingSession(session) {
            @Override
            public void set(String key, Secret value) {
                super.set(key, value);
                try (Stream<Path> files = Files.list(journal.getParent())) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** The real engine behind a "recovering" open: a vault that fails to open is silently re-created empty. */
    static VaultTarget lenientOpen() {
        return custom("vault engine that re-creates vaults it cannot open", dir -> new ForwardingEngine(
                new ManagerVaultEngine(new VaultManager(dir, FAST)), (session, journal) -> session) {
            @Override
            public VaultSession open(String vault, Secret passphrase) {
                try {
                    return super.open(vault, passphrase);
                } catch (RuntimeException e) {
                    try {
                        Files.deleteIfExists(file(vault));
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                    return create(vault, passphrase);
                }
            }
        });
    }

    static VaultTarget withOrigin(PassphraseOrigin origin) {
        return new EngineVaultTarget(FAST, origin);
    }

    static VaultTarget custom(String description, java.util.function.Function<Path, VaultEngine> open) {
        return new VaultTarget() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public VaultEngine open(Path directory) {
                return open.apply(directory);
            }

            @Override
            public PassphraseOrigin passphraseOrigin() {
                return PassphraseOrigin.generatedInMemory();
            }
        };
    }

    private static VaultTarget decorated(String description, Decorator wrap) {
        return custom(description, dir -> new ForwardingEngine(new ManagerVaultEngine(new VaultManager(dir, FAST)), wrap));
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Randomness" that is a counter from 0 in the last 8 bytes, zeros before. */
    static final class CounterRandom extends SecureRandom {
        private long next;

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
            long n = next++;
            for (int i = bytes.length - 1; i >= Math.max(0, bytes.length - 8); i--, n >>>= 8) {
                bytes[i] = (byte) n;
            }
        }
    }

    /** Wraps a session; {@code journal} is a file next to the vault where a leaky decorator may write. */
    interface Decorator {
        VaultSession wrap(VaultSession session, Path journal);
    }

    static class ForwardingEngine implements VaultEngine {
        private final VaultEngine inner;
        private final Decorator wrap;

        ForwardingEngine(VaultEngine inner, Decorator wrap) {
            this.inner = inner;
            this.wrap = wrap;
        }

        @Override
        public Path directory() {
            return inner.directory();
        }

        @Override
        public Path file(String vault) {
            return inner.file(vault);
        }

        @Override
        public VaultSession create(String vault, Secret passphrase) {
            return wrap.wrap(inner.create(vault, passphrase), inner.directory().resolve(vault + ".journal"));
        }

        @Override
        public VaultSession open(String vault, Secret passphrase) {
            return wrap.wrap(inner.open(vault, passphrase), inner.directory().resolve(vault + ".journal"));
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    static class ForwardingSession implements VaultSession {
        private final VaultSession inner;

        ForwardingSession(VaultSession inner) {
            this.inner = inner;
        }

        @Override
        public void set(String key, Secret value) {
            inner.set(key, value);
        }

        @Override
        public Optional<Secret> get(String key) {
            return inner.get(key);
        }

        @Override
        public boolean delete(String key) {
            return inner.delete(key);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
