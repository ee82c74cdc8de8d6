package dev.oktyv.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.system.service.ServiceOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A normal stop of the embedded service logs no warning. HikariCP (SLF4J → java.util.logging, which the command
 * line prints at WARNING) used to log "Database is already closed" at the end of every {@code serve --duration}
 * and {@code readiness --quick}: the in-memory H2 database was shut down through a pooled connection, under the
 * pool's feet.
 */
class EmbeddedServiceShutdownTest {

    @Test
    @Timeout(60)
    void aNormalStopLogsNoWarning() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.WARNING);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            try (EmbeddedService service = EmbeddedService.start(ServiceOptions.defaults(), null)) {
                // The database in use, as in a run: the pool holds several connections when it stops.
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 4; i++) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.uri() + "/db/items"))
                            .header("Authorization", "Bearer " + service.token().revealAsString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"n" + i + "\",\"data\":\"d\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(201);
                }
                service.healthChecker().run();
            }
            // No wait needed here: HikariDataSource.close() waits for its connection-closing executor.
        } finally {
            root.removeHandler(capture);
        }
        assertThat(records).extracting(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " (" + r.getThrown().getMessage() + ")")).isEmpty();
    }
}
