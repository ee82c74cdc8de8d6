package dev.oktyv.system.service;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.routes.KeyValueBackend;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fake of a vault engine. */
final class InMemoryKeyValueBackend implements KeyValueBackend {

    private final Map<String, char[]> values = new ConcurrentHashMap<>();

    @Override
    public Optional<Secret> get(String vault, String key) {
        char[] v = values.get(vault + "/" + key);
        return v == null ? Optional.empty() : Optional.of(Secret.of(v));
    }

    @Override
    public void put(String vault, String key, Secret value) {
        values.put(vault + "/" + key, value.reveal());
    }

    @Override
    public boolean delete(String vault, String key) {
        return values.remove(vault + "/" + key) != null;
    }
}
