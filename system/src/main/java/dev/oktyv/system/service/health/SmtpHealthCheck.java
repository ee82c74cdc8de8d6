package dev.oktyv.system.service.health;

import dev.oktyv.system.monitoring.health.CheckRegistration;
import dev.oktyv.system.monitoring.health.HealthCheckProvider;
import dev.oktyv.system.monitoring.health.HealthContext;
import dev.oktyv.system.monitoring.health.HealthStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code smtp}: the server accepts a connection and greets with {@code 220}, then the check hangs up (no login:
 * a health check must not spend the mail account's authentication attempts). Not critical: without SMTP only
 * email is unavailable, which degrades the service.
 */
public final class SmtpHealthCheck implements HealthCheckProvider {

    static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final int SOCKET_TIMEOUT_MILLIS = 1000;

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Optional<CheckRegistration> create(HealthContext context) {
        return context.get(SmtpDependency.class).map(s -> new CheckRegistration(name(), DEADLINE, false,
                () -> greets(s) ? HealthStatus.UP : HealthStatus.DOWN));
    }

    private static boolean greets(SmtpDependency smtp) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(smtp.host(), smtp.port()), SOCKET_TIMEOUT_MILLIS);
            s.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            byte[] greeting = s.getInputStream().readNBytes(3);
            return "220".equals(new String(greeting, StandardCharsets.US_ASCII));
        }
    }
}
