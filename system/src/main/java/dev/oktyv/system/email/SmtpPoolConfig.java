package dev.oktyv.system.email;

import java.time.Duration;
import java.util.Objects;

/**
 * The SMTP connection pool of a {@link SmtpMailer}. Every connection is checked with a NOOP when borrowed (a
 * server restart or an idle timeout on the server's side leaves dead sockets behind, and handing one out would
 * fail a send that a fresh connection would have delivered), and idle connections are closed by a background
 * evictor so that the pool does not hold sockets the server is about to drop anyway.
 *
 * @param maxConnections   open connections at most (in use plus idle); most SMTP servers limit connections per
 *                         client, often to 10 or so
 * @param maxWait          how long a send waits for a connection when all are in use
 * @param idleTimeout      an idle connection older than this is closed by the evictor (keep it below the server's
 *                         own idle timeout; RFC 5321 asks servers to wait at least 5 minutes)
 * @param evictionInterval how often the evictor runs
 */
public record SmtpPoolConfig(int maxConnections, Duration maxWait, Duration idleTimeout, Duration evictionInterval) {

    public SmtpPoolConfig {
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new IllegalArgumentException("maxConnections must be in [1, 1000], was " + maxConnections);
        }
        positive("maxWait", maxWait);
        positive("idleTimeout", idleTimeout);
        positive("evictionInterval", evictionInterval);
    }

    /** 8 connections, 5 s wait, 60 s idle, evictor every 15 s. */
    public static SmtpPoolConfig defaults() {
        return new SmtpPoolConfig(8, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(15));
    }

    public SmtpPoolConfig withMaxConnections(int n) {
        return new SmtpPoolConfig(n, maxWait, idleTimeout, evictionInterval);
    }

    private static void positive(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + d);
        }
    }
}
