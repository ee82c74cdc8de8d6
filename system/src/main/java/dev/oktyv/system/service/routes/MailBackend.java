package dev.oktyv.system.service.routes;

import java.util.List;

/** What the email route needs from the Email engine (which validates addresses and refuses CR/LF in headers). */
public interface MailBackend {

    record Mail(List<String> to, String subject, String body) {
        public Mail {
            to = List.copyOf(to);
        }
    }

    /** Sends and returns the message id. Throws IllegalArgumentException for a message it refuses. */
    String send(Mail mail) throws Exception;
}
