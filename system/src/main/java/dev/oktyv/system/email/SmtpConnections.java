package dev.oktyv.system.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;

/** Where a {@link SmtpMailer} gets the connection for one message: a new one per message, or a pool. */
interface SmtpConnections extends AutoCloseable {

    /** The session messages are built in (per message, or the pool's one session). */
    Session session();

    void send(MimeMessage message, Address[] recipients) throws MessagingException;

    /** Empty when there is no pool. */
    Optional<SmtpPoolStats> stats();

    @Override
    void close();

    /** Opens and logs in one transport of the given session. */
    @FunctionalInterface
    interface Opener {
        jakarta.mail.Transport open(Session session) throws MessagingException;
    }
}
