package dev.oktyv.system.email;

/**
 * Counts of a pooled {@link SmtpMailer}'s connections.
 *
 * @param active              connections lent to a send right now
 * @param idle                open connections waiting in the pool
 * @param created             connections opened (TCP, TLS, login) since start
 * @param destroyed           connections closed since start, for any reason
 * @param failedValidation    connections found dead when borrowed (closed, never handed out)
 */
public record SmtpPoolStats(int active, int idle, long created, long destroyed, long failedValidation) {
}
