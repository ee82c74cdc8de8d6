package dev.oktyv.system.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;

/**
 * One connection (TCP, TLS handshake, login) per message, closed after it: the engine's original behaviour and
 * the measured baseline of {@link PooledConnections}.
 */
final class PerMessageConnections implements SmtpConnections {

    private final Properties properties;
    private final Opener opener;

    PerMessageConnections(Properties properties, Opener opener) {
        this.properties = properties;
        this.opener = opener;
    }

    @Override
    public Session session() {
        return Session.getInstance(properties);
    }

    @Override
    public void send(MimeMessage message, Address[] recipients) throws MessagingException {
        try (Transport transport = opener.open(message.getSession())) {
            transport.sendMessage(message, recipients);
        }
    }

    @Override
    public Optional<SmtpPoolStats> stats() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // Nothing is held between messages.
    }
}
