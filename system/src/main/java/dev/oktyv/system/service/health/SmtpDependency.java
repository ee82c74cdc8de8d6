package dev.oktyv.system.service.health;

import java.util.Objects;

/** The SMTP server the email route sends through. */
public record SmtpDependency(String host, int port) {

    public SmtpDependency {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be 1..65535, was " + port);
        }
    }
}
