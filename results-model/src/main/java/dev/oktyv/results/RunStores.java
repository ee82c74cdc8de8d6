package dev.oktyv.results;

import java.io.IOException;
import java.util.Optional;
import java.util.ServiceLoader;

/** Opens the store a {@code --store URL} names, through the {@link RunStoreProvider}s on the class path. */
public final class RunStores {

    private RunStores() {
    }

    public static RunStore open(String url, Optional<char[]> password) throws IOException {
        for (RunStoreProvider p : ServiceLoader.load(RunStoreProvider.class, RunStores.class.getClassLoader())) {
            if (p.accepts(url)) {
                return p.open(url, password);
            }
        }
        // The URL may hold a password in a place we do not parse; name only its scheme.
        int colon = url.indexOf(':', url.startsWith("jdbc:") ? 5 : 0);
        String scheme = colon < 0 ? "(none)" : url.substring(0, colon);
        throw new IllegalArgumentException("unsupported store URL scheme '" + scheme
                + "': expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME]");
    }
}
