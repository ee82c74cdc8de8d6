package dev.oktyv.system.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.prometheus.PrometheusTextFormat;
import dev.oktyv.system.time.ManualTime;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Time moves only when the test says so: the TTL runs on a ManualTime that Caffeine reads as its Ticker. */
class ReadThroughCacheTest {

    static final Duration TTL = Duration.ofSeconds(30);

    /** A backend whose values and availability the test controls, counting its calls. */
    static final class Backend {
        final Map<String, String> values = new HashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        RuntimeException down;

        String load(String key) {
            calls.incrementAndGet();
            if (down != null) {
                throw down;
            }
            return values.getOrDefault(key, "absent");
        }
    }

    static final class Outage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Outage() {
            super("backend unreachable");
        }
    }

    private final ManualTime time = new ManualTime();
    private final MetricsCollector metrics = new MetricsCollector();
    private final Backend backend = new Backend();

    private ReadThroughCache<String, String> cache(CacheConfig config) {
        return new ReadThroughCache<>(config, backend::load, e -> e instanceof Outage, time, metrics, Runnable::run);
    }

    @Test
    void servesFromCacheWithinTheTtlAndReloadsAfterIt() {
        ReadThroughCache<String, String> c = cache(CacheConfig.of("t", TTL, 100));
        backend.values.put("a", "1");
        assertThat(c.get("a").value()).isEqualTo("1");
        backend.values.put("a", "2"); // changed behind the cache's back
        time.advance(TTL.minusNanos(1));
        CacheRead<String> hit = c.get("a");
        assertThat(hit.value()).isEqualTo("1");
        assertThat(hit.age()).isEqualTo(TTL.minusNanos(1));
        assertThat(backend.calls).hasValue(1);

        time.advance(Duration.ofNanos(1));
        CacheRead<String> reloaded = c.get("a");
        assertThat(reloaded.value()).isEqualTo("2");
        assertThat(reloaded.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(reloaded.age()).isZero();
        assertThat(backend.calls).hasValue(2);
    }

    @Test
    void invalidationMakesTheNextReadGoToTheBackend() {
        ReadThroughCache<String, String> c = cache(CacheConfig.of("t", TTL, 100).withStaleRetention(Duration.ofHours(1)));
        backend.values.put("a", "1");
        c.get("a");
        backend.values.put("a", "2");
        c.invalidate("a");
        assertThat(c.get("a").value()).isEqualTo("2");
        // A written-over value must not come back as stale either.
        c.invalidate("a");
        backend.down = new Outage();
        assertThatThrownBy(() -> c.get("a")).isInstanceOf(Outage.class);
    }

    @Test
    void servesStaleOnlyWhenTheBackendIsDown() {
        ReadThroughCache<String, String> c = cache(CacheConfig.of("t", TTL, 100).withStaleRetention(Duration.ofMinutes(5)));
        backend.values.put("a", "1");
        c.get("a");
        time.advance(TTL.plusSeconds(1));

        // Backend up: an expired entry is reloaded, never served stale.
        backend.values.put("a", "2");
        assertThat(c.get("a")).isEqualTo(new CacheRead<>("2", Freshness.FRESH, Duration.ZERO));

        time.advance(TTL.plusSeconds(1));
        backend.down = new Outage();
        CacheRead<String> stale = c.get("a");
        assertThat(stale.value()).isEqualTo("2");
        assertThat(stale.stale()).isTrue();
        assertThat(stale.age()).isEqualTo(TTL.plusSeconds(1));

        // A failure that is not an outage (a bug, bad data) is never masked by a stale copy.
        backend.down = new IllegalStateException("bad query");
        assertThatThrownBy(() -> c.get("a")).isInstanceOf(IllegalStateException.class);

        // Beyond TTL + retention nothing is left to serve.
        backend.down = new Outage();
        time.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> c.get("a")).isInstanceOf(Outage.class);
        assertThat(c.counts().staleServed()).isEqualTo(1);
    }

    @Test
    void staleServingIsOffByDefault() {
        ReadThroughCache<String, String> c = cache(CacheConfig.of("t", TTL, 100));
        c.get("a");
        time.advance(TTL);
        backend.down = new Outage();
        assertThatThrownBy(() -> c.get("a")).isInstanceOf(Outage.class);
    }

    @Test
    void countsHitsMissesEvictionsAndExportsThem() {
        ReadThroughCache<String, String> c = cache(CacheConfig.of("items", TTL, 2));
        c.get("a");          // miss
        c.get("a");          // hit
        c.get("a");          // hit
        c.get("b");          // miss
        time.advance(TTL);   // a and b expire
        c.get("a");          // miss (expired)
        c.cleanUp();
        backend.down = new UncheckedIOException(new java.io.IOException("x"));
        assertThatThrownBy(() -> c.get("z")).isInstanceOf(UncheckedIOException.class);
        c.cleanUp();

        CacheCounts counts = c.counts();
        assertThat(counts.hits()).isEqualTo(2);
        assertThat(counts.misses()).isEqualTo(4);
        assertThat(counts.evictions()).isGreaterThanOrEqualTo(2); // a and b by expiry
        assertThat(counts.loadFailures()).isEqualTo(1);
        assertThat(counts.hitRatio()).isEqualTo(2.0 / 6);
        assertThat(metrics.findCounter(MetricKey.of(CacheMetrics.HITS, "cache", "items")).orElseThrow().value())
                .isEqualTo(2);
        String text = PrometheusTextFormat.write(metrics.snapshot());
        assertThat(text).contains("oktyv_cache_hits{cache=\"items\"} 2", "oktyv_cache_misses{cache=\"items\"} 4");
    }

    @Test
    void sizeBoundEvicts() {
        ReadThroughCache<String, String> c = cache(CacheConfig.of("t", TTL, 10));
        for (int i = 0; i < 100; i++) {
            c.get("k" + i);
        }
        c.cleanUp();
        assertThat(c.counts().evictions()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void configNamesTheBadValue() {
        assertThatThrownBy(() -> CacheConfig.of("t", Duration.ZERO, 1)).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> CacheConfig.of("t", TTL, 0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> CacheConfig.of("a b", TTL, 1)).hasMessageContaining("'a b'");
    }
}
