package dev.oktyv.system.database;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.secret.SecretResolver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test stand-in for the Vault engine; counts resolutions so tests can see when credentials were fetched. */
final class InMemorySecretResolver implements SecretResolver {

    private final Map<SecretReference, String> values = new ConcurrentHashMap<>();
    final AtomicInteger resolutions = new AtomicInteger();

    InMemorySecretResolver put(String reference, String value) {
        values.put(SecretReference.parse(reference).orElseThrow(), value);
        return this;
    }

    @Override
    public Secret resolve(SecretReference reference) {
        resolutions.incrementAndGet();
        String v = values.get(reference);
        if (v == null) {
            throw new SecretNotFoundException(reference);
        }
        return Secret.of(v);
    }
}
