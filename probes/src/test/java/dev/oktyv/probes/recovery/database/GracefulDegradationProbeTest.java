package dev.oktyv.probes.recovery.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.recovery.CallerMessages;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.recovery.ProbeVerdict;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Today's service has no fallback, so the probe must fail against it; a read path with a stale-serving cache,
 * built here in test code, shows the probe can pass once the optimiser's cache exists.
 */
@Timeout(60)
class GracefulDegradationProbeTest {

    @Test
    void failsAgainstTodaysServiceWhichHasNoFallback() throws Exception {
        ProbeOutcome o = new GracefulDegradationProbe().run(DatabaseTargets.with(DatabaseTarget.REAL)
                .with(ReadPathTarget.class, ReadPathTarget.REAL).build());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAILED);
        assertThat(o.summary()).startsWith("no fallback: the read failed with HTTP 500");
        assertThat(o.evidence()).anyMatch(e -> e.observation().contains("health with the database down: DOWN"));
        assertThat(o.evidence()).anyMatch(e -> e.observation().startsWith("ok: error the caller sees"));
    }

    @Test
    void passesWithAStaleServingFallback() throws Exception {
        ProbeOutcome o = new GracefulDegradationProbe().run(DatabaseTargets.with(DatabaseTarget.REAL)
                .with(ReadPathTarget.class, StaleCache.TARGET).build());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASSED);
    }

    @Test
    void theLeakPatternCatchesSqlUrlsPathsAndExceptions() {
        for (String leak : new String[] {"SELECT * FROM items", "jdbc:h2:tcp://x", "at org.h2.Foo.bar(Foo.java:1)",
                "java.sql.SQLException", "/var/lib/db/file"}) {
            assertThat(CallerMessages.leaks(leak)).as(leak).isNotEmpty();
        }
        assertThat(CallerMessages.leaks("the database engine failed; see the service log")).isEmpty();
    }

    /** A read-through cache that serves the last value, marked stale, when the database fails. */
    private static final class StaleCache {
        static final ReadPathTarget TARGET = db -> {
            ReadPath real = ReadPathTarget.REAL.open(db);
            Map<Long, Item> cache = new ConcurrentHashMap<>();
            return new ReadPath() {
                @Override
                public Item create(String name, String data) throws Exception {
                    return real.create(name, data);
                }

                @Override
                public Read read(long id) throws Exception {
                    try {
                        Read r = real.read(id);
                        r.item().ifPresent(i -> cache.put(id, i));
                        return r;
                    } catch (ApiException e) {
                        Optional<Item> stale = Optional.ofNullable(cache.get(id));
                        if (stale.isEmpty()) {
                            throw e;
                        }
                        return new Read(stale, true);
                    }
                }

                @Override
                public HealthStatus health() {
                    // The database is not critical once reads have a fallback: DOWN there means DEGRADED here.
                    HealthStatus s = real.health();
                    return s == HealthStatus.DOWN ? HealthStatus.DEGRADED : s;
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
    }
}
