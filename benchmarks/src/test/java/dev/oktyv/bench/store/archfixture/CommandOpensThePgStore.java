package dev.oktyv.bench.store.archfixture;

import dev.oktyv.results.store.pg.PgStoreUrl;

/** Breaks {@code PG_STORE_ONLY_THROUGH_RUN_STORE} on purpose: a command parsing the PostgreSQL URL itself. */
public final class CommandOpensThePgStore {

    private CommandOpensThePgStore() {
    }

    public static Object open(String url) {
        return PgStoreUrl.parse(url);
    }
}
