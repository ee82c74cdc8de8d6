package dev.oktyv.probes.recovery.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.recovery.CallerMessages;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.cache.CacheConfig;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service's read path serves cached items marked stale while the database is down, so the probe passes; the
 * same service with stale serving off (no cache, or a cache without stale retention) must make it fail.
 */
@Timeout(60)
class GracefulDegradationProbeTest {

    private static ProbeOutcome run(ReadPathTarget readPath) throws Exception {
        return new GracefulDegradationProbe().run(DatabaseTargets.with(DatabaseTarget.REAL)
                .with(ReadPathTarget.class, readPath).build());
    }

    @Test
    void passesAgainstTheServiceWhichServesStaleReads() throws Exception {
        ProbeOutcome o = run(ReadPathTarget.REAL);
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
        assertThat(o.evidence()).anyMatch(e -> e.observation().startsWith("ok: read with the database down: answered,"
                + " marked stale"));
        assertThat(o.evidence()).anyMatch(e -> e.observation().startsWith("ok: write with the database down: HTTP 503"));
        assertThat(o.evidence()).anyMatch(e -> e.observation().startsWith("ok: health after the outage: UP"));
    }

    @Test
    void failsWhenStaleServingIsOff() throws Exception {
        ProbeOutcome o = run(ReadPathTarget.service(ItemStoreOptions.none()
                .withCache(CacheConfig.of("db_items", Duration.ofSeconds(5), 100))));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        // The 5 s TTL has not run out, but a pooled connection the outage broke is what answers first: either way
        // there is no copy the cache may serve once the database fails.
        assertThat(o.summary()).startsWith("no fallback: the read failed with HTTP 503");
        assertThat(o.evidence()).anyMatch(e -> e.observation().contains("health with the database down: DOWN"));
        assertThat(o.evidence()).anyMatch(e -> e.observation().startsWith("ok: error the caller sees"));
    }

    @Test
    void failsWithoutACache() throws Exception {
        ProbeOutcome o = run(ReadPathTarget.service(ItemStoreOptions.none()));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).startsWith("no fallback: the read failed with HTTP 503");
    }

    @Test
    void theLeakPatternCatchesSqlUrlsPathsAndExceptions() {
        for (String leak : new String[] {"SELECT * FROM items", "jdbc:h2:tcp://x", "at org.h2.Foo.bar(Foo.java:1)",
                "java.sql.SQLException", "/var/lib/db/file"}) {
            assertThat(CallerMessages.leaks(leak)).as(leak).isNotEmpty();
        }
        assertThat(CallerMessages.leaks("the database engine failed; see the service log")).isEmpty();
    }
}
