package dev.oktyv.system.service.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.database.DatabaseConfig;
import dev.oktyv.system.database.DatabaseEngine;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.ItemBackend.Found;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseItemBackendTest {

    private static DatabaseEngine h2(String name, int pool) {
        return DatabaseEngine.open(DatabaseConfig.builder().jdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .maximumPoolSize(pool).connectionTimeout(Duration.ofMillis(250)).build(), ref -> {
                    throw new AssertionError("no secrets expected");
                });
    }

    @Test
    void createsTheTableStoresItemsAndContinuesIdsAfterARestart() {
        try (DatabaseEngine db = h2("items-adapter-ids", 2)) {
            DatabaseItemBackend first = new DatabaseItemBackend(db);
            Item a = first.create("apple", "{\"n\":1}");
            Item b = first.create("pear", "");
            assertThat(b.id()).isEqualTo(a.id() + 1);
            assertThat(first.find(a.id()).map(Found::item)).contains(a);
            assertThat(first.find(999)).isEmpty();
            // A second backend on the same table (a restarted service) must not reuse ids.
            Item c = new DatabaseItemBackend(db).create("plum", "x");
            assertThat(c.id()).isEqualTo(b.id() + 1);
        }
    }

    @Test
    void invalidFieldsAre400() {
        try (DatabaseEngine db = h2("items-adapter-invalid", 2)) {
            DatabaseItemBackend items = new DatabaseItemBackend(db);
            assertThatThrownBy(() -> items.create("", "x")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> items.create("n".repeat(201), "x")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.getMessage()).contains("'name'"));
            assertThatThrownBy(() -> items.create("n", "d".repeat(DatabaseItemBackend.MAX_PAYLOAD_CHARS + 1)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void anExhaustedPoolIs503() {
        try (DatabaseEngine db = h2("items-adapter-busy", 1)) {
            DatabaseItemBackend items = new DatabaseItemBackend(db);
            // The transaction holds the only connection, so the lookup inside it cannot get one.
            db.transaction(tx -> {
                assertThatThrownBy(() -> items.find(1)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).doesNotContain("jdbc:");
                });
                return null;
            });
        }
    }
}
