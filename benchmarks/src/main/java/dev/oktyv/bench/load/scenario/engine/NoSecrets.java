package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretResolver;

/** The engine scenarios log in nowhere: any secret lookup is a bug, reported as an unknown reference. */
final class NoSecrets {

    static final SecretResolver RESOLVER = reference -> {
        throw new SecretNotFoundException(reference);
    };

    private NoSecrets() {
    }
}
