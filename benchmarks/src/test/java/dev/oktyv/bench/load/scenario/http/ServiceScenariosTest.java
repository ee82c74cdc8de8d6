package dev.oktyv.bench.load.scenario.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.bench.load.scenario.ScenarioRegistry;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each over-HTTP scenario starts the service, succeeds a few times over real sockets, and stops it again. */
class ServiceScenariosTest {

    @Test
    void everyServiceScenarioSucceedsAgainstItsOwnService() throws Exception {
        List<Scenario> scenarios = List.of(new ServiceVaultScenario(), new ServiceDatabaseScenario(),
                new ServiceFilesScenario(), new ServiceEmailScenario(), new ServiceHealthScenario());
        for (Scenario s : scenarios) {
            AtomicInteger port = new AtomicInteger();
            try (Scenario.Target target = s.open()) {
                for (int worker = 0; worker < 2; worker++) {
                    try (Scenario.Session session = target.newSession()) {
                        for (int i = 0; i < 4; i++) {
                            Outcome o = session.execute();
                            assertThat(o.ok()).as(s.id() + " operation " + i + ": " + o.detail()).isTrue();
                        }
                    }
                }
                port.set(((ServiceScenario) s).lastPortForTests);
            }
            // Closing the target stops the service: nothing listens on its port any more.
            assertThat(port.get()).isPositive();
            boolean refused;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port.get()), 1000);
                refused = false;
            } catch (ConnectException e) {
                refused = true;
            }
            assertThat(refused).as(s.id() + " service still listening").isTrue();
        }
    }

    @Test
    void theServiceScenariosAreRegistered() {
        assertThat(ScenarioRegistry.builtIn().select(List.of("^service-")).stream().map(Scenario::id))
                .containsExactly("service-vault", "service-db", "service-files", "service-email", "service-health");
    }
}
