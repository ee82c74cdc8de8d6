package dev.oktyv.probes.recovery.email;

import dev.oktyv.system.email.EmailMessage;

/** Sends one message; returning normally is the caller's acknowledgement that it was delivered to the server. */
@FunctionalInterface
public interface Mailer {

    void send(EmailMessage message);
}
