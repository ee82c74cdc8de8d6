package dev.oktyv.system.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Logged-in SMTP transports kept open between messages (Apache Commons Pool 2). A transport is validated with
 * {@link Transport#isConnected()} on borrow, which in Angus sends a NOOP and reads the reply, so a connection the
 * server has closed is destroyed instead of handed out. A send that throws destroys its transport too: after a
 * failed DATA exchange the connection's SMTP state is unknown, and reusing it could fail the next message.
 */
final class PooledConnections implements SmtpConnections {

    private final Session session;
    private final GenericObjectPool<Transport> pool;

    PooledConnections(Session session, Opener opener, SmtpPoolConfig config) {
        this.session = session;
        GenericObjectPoolConfig<Transport> pc = new GenericObjectPoolConfig<>();
        pc.setMaxTotal(config.maxConnections());
        pc.setMaxIdle(config.maxConnections());
        pc.setMinIdle(0);
        pc.setMaxWait(config.maxWait());
        pc.setBlockWhenExhausted(true);
        pc.setTestOnBorrow(true);
        pc.setTestWhileIdle(true);
        pc.setMinEvictableIdleDuration(config.idleTimeout());
        pc.setTimeBetweenEvictionRuns(config.evictionInterval());
        // Most recently used first: under light load the same few connections stay warm and the rest age out.
        pc.setLifo(true);
        pc.setJmxEnabled(false);
        this.pool = new GenericObjectPool<>(new Factory(session, opener), pc);
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message, Address[] recipients) throws MessagingException {
        Transport transport = borrow();
        boolean healthy = false;
        try {
            transport.sendMessage(message, recipients);
            healthy = true;
        } finally {
            if (healthy) {
                pool.returnObject(transport);
            } else {
                invalidate(transport);
            }
        }
    }

    private Transport borrow() throws MessagingException {
        try {
            return pool.borrowObject();
        } catch (MessagingException | RuntimeException e) {
            if (e instanceof NoSuchElementException) {
                throw new MessagingException("no SMTP connection available: " + pool.getNumActive()
                        + " in use (maximum " + pool.getMaxTotal() + "), waited " + pool.getMaxWaitDuration()
                        + " or the new connection failed validation", e);
            }
            throw e;
        } catch (Exception e) {
            throw new MessagingException("opening a pooled SMTP connection failed", e);
        }
    }

    private void invalidate(Transport transport) {
        try {
            pool.invalidateObject(transport);
        } catch (Exception e) {
            // destroyObject already swallows close failures; nothing useful is left to report.
        }
    }

    @Override
    public Optional<SmtpPoolStats> stats() {
        return Optional.of(new SmtpPoolStats(pool.getNumActive(), pool.getNumIdle(), pool.getCreatedCount(),
                pool.getDestroyedCount(), pool.getDestroyedByBorrowValidationCount()));
    }

    @Override
    public void close() {
        pool.close();
    }

    private static final class Factory extends BasePooledObjectFactory<Transport> {
        private final Session session;
        private final Opener opener;

        Factory(Session session, Opener opener) {
            this.session = session;
            this.opener = opener;
        }

        @Override
        public Transport create() throws MessagingException {
            return opener.open(session);
        }

        @Override
        public PooledObject<Transport> wrap(Transport transport) {
            return new DefaultPooledObject<>(transport);
        }

        @Override
        public boolean validateObject(PooledObject<Transport> p) {
            return p.getObject().isConnected();
        }

        @Override
        public void destroyObject(PooledObject<Transport> p) {
            try {
                p.getObject().close();
            } catch (MessagingException e) {
                // A dead connection often fails its QUIT; it is being dropped either way.
            }
        }
    }
}
