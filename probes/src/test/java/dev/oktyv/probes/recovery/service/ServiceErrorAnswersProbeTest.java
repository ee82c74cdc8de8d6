package dev.oktyv.probes.recovery.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.health.HealthChecker;
import dev.oktyv.system.monitoring.health.HealthStatus;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.BearerAuth;
import dev.oktyv.system.service.OktyvService;
import dev.oktyv.system.service.ServiceOptions;
import dev.oktyv.system.service.routes.DbGetItemRoute;
import dev.oktyv.system.service.routes.HealthRoute;
import dev.oktyv.system.service.routes.ItemBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ServiceErrorAnswersProbeTest {

    private static final String TOKEN = "recovery-probe-test-token";

    @Test
    void passesAgainstTheRealService() throws Exception {
        ProbeOutcome o = runAgainst(new Items(id -> Optional.empty()));
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
    }

    @Test
    void failsWhenAnErrorAnswerQuotesSql() throws Exception {
        // A backend that puts its query into the caller's error: what the probe exists to catch.
        ProbeOutcome o = runAgainst(new Items(id -> {
            throw new ApiException(404, "not_found", "SELECT id FROM items WHERE id = " + id + " found nothing");
        }));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).startsWith("missing item: HTTP 404").contains("leaks");
    }

    @Test
    void doesNotRunWithoutATarget() throws Exception {
        ProbeOutcome o = new ServiceErrorAnswersProbe().run(RecoveryTargets.builder(Path.of("unused")).build());
        assertThat(o.notRunReason()).hasValueSatisfying(r -> assertThat(r).startsWith("no service target"));
    }

    private static ProbeOutcome runAgainst(ItemBackend items) throws Exception {
        HealthChecker health = new HealthChecker();
        health.register("always", Duration.ofSeconds(1), true, () -> HealthStatus.UP);
        try (health; OktyvService service = OktyvService.start(ServiceOptions.defaults().withPort(0),
                List.of(new HealthRoute(health), new DbGetItemRoute(items)), new BearerAuth(Secret.of(TOKEN)),
                new MetricsCollector())) {
            RemoteService remote = RemoteService.of(service.uri().toString(), Secret.of(TOKEN));
            return new ServiceErrorAnswersProbe().run(RecoveryTargets.builder(Path.of("unused"))
                    .with(RemoteService.class, remote).build());
        }
    }

    private record Items(Finder finder) implements ItemBackend {
        @Override
        public Optional<Found> find(long id) {
            return finder.find(id).map(Found::fresh);
        }

        @Override
        public Item create(String name, String data) {
            throw new UnsupportedOperationException("read-only in this test");
        }
    }

    @FunctionalInterface
    private interface Finder {
        Optional<ItemBackend.Item> find(long id);
    }
}
