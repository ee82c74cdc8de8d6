package dev.oktyv.probes.recovery.email;

import dev.oktyv.system.email.SmtpMailer;
import dev.oktyv.system.email.SmtpSettings;
import java.time.Clock;

/** Opens the Email engine with the settings a probe chose; tests register weakened ones. */
@FunctionalInterface
public interface MailTarget {

    MailTarget REAL = settings -> new SmtpMailer(settings, reference -> {
        throw new IllegalArgumentException("recovery probes log in to no SMTP server: references are not resolved");
    }, Clock.systemUTC())::send;

    Mailer open(SmtpSettings settings);
}
