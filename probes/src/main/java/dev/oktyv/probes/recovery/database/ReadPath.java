package dev.oktyv.probes.recovery.database;

import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.util.Optional;

/**
 * The service's item read path and its health, as the graceful-degradation probe sees them. A read either answers
 * (fresh, or stale from a fallback and marked so) or throws the service's {@code ApiException}, whose status and
 * message are what the caller sees.
 */
public interface ReadPath extends AutoCloseable {

    Item create(String name, String data) throws Exception;

    Read read(long id) throws Exception;

    /**
     * Moves the read path's cache clock past its freshness period (its TTL), so that a later read cannot be a
     * fresh cache hit: with the database down, an answer can then only come from a fallback. No-op without a cache.
     */
    void outliveFreshness();

    /** What {@code /health} would report. */
    HealthStatus health();

    @Override
    void close();

    /** An answer of the read path; {@code stale} marks one served from a fallback while the source is down. */
    record Read(Optional<Item> item, boolean stale) {
    }
}
