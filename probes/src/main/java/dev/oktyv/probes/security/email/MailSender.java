package dev.oktyv.probes.security.email;

/** Sends one message built from attacker-supplied fields; throws when it refuses them or delivery fails. */
@FunctionalInterface
public interface MailSender {

    void send(MailFields fields);
}
