package dev.oktyv.probes.security.email;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field of a message that a caller of the mail engine controls, as raw text: the probes put their payloads
 * in one field at a time.
 */
public record MailFields(String from, List<String> to, List<String> cc, List<String> bcc, Optional<String> replyTo,
                         String subject, String text, List<Map.Entry<String, String>> headers) {

    public MailFields {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        headers = List.copyOf(headers);
    }

    /** A harmless message from sender@oktyv.test to victim@oktyv.test. */
    static MailFields plain() {
        return new MailFields("sender@oktyv.test", List.of("victim@oktyv.test"), List.of(), List.of(), Optional.empty(),
                "probe", "probe body", List.of());
    }
}
