package dev.oktyv.results.store.pg;

import dev.oktyv.results.RunStore;
import dev.oktyv.results.RunStoreProvider;
import java.io.IOException;
import java.util.Optional;

/** {@code --store jdbc:postgresql://…}: registered in {@code META-INF/services}. */
public final class PgRunStoreProvider implements RunStoreProvider {

    @Override
    public boolean accepts(String url) {
        return PgStoreUrl.accepts(url);
    }

    @Override
    public RunStore open(String url, Optional<char[]> password) throws IOException {
        return PgRunStore.open(PgStoreUrl.parse(url), password);
    }
}
