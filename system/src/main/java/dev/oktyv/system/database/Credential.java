package dev.oktyv.system.database;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.secret.SecretResolver;
import java.util.Objects;

/**
 * Where a user name or password comes from: nowhere, a literal {@link Secret}, or a {@code vault:<vault>/<key>}
 * reference resolved each time a physical connection is opened (so a rotated password is picked up by the next
 * connection without restarting the pool). No variant ever prints a value.
 */
public sealed interface Credential {

    /** A fresh secret for one connection attempt; the caller destroys it. Empty for {@link None}. */
    java.util.Optional<Secret> resolve(SecretResolver resolver);

    /** Parses configuration text: {@code vault:...} becomes a reference, anything else a literal secret. */
    static Credential parse(String text) {
        if (text == null || text.isEmpty()) {
            return new None();
        }
        return SecretReference.parse(text).<Credential>map(Reference::new)
                .orElseGet(() -> new Literal(Secret.of(text)));
    }

    record None() implements Credential {
        @Override
        public java.util.Optional<Secret> resolve(SecretResolver resolver) {
            return java.util.Optional.empty();
        }
    }

    record Literal(Secret secret) implements Credential {
        public Literal {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public java.util.Optional<Secret> resolve(SecretResolver resolver) {
            return java.util.Optional.of(Secret.of(secret.reveal()));
        }

        @Override
        public String toString() {
            return "Literal[redacted]";
        }
    }

    record Reference(SecretReference reference) implements Credential {
        public Reference {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public java.util.Optional<Secret> resolve(SecretResolver resolver) {
            return java.util.Optional.of(resolver.resolve(reference));
        }

        @Override
        public String toString() {
            return "Reference[" + reference + "]";
        }
    }
}
