package dev.oktyv.probes.security.email;

import dev.oktyv.system.email.SmtpCredentials;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import dev.oktyv.system.secret.SecretResolver;
import java.util.Optional;

/**
 * What the email probes attack: the mail engine with the deployment's TLS mode and credentials, pointed by the probe
 * at a loopback SMTP server it runs itself, so it sees exactly what a send delivers. The command registers
 * {@link EngineEmailTarget}; a test registers a weakened sender (no CRLF check, no TLS).
 */
public interface EmailTarget {

    String description();

    /** The deployment's TLS mode. */
    TlsMode tlsMode();

    /** The deployment's login, if any. */
    Optional<SmtpCredentials> credentials();

    /** Resolves the login's vault reference. */
    SecretResolver secrets();

    /** A sender with {@code settings} (the probe's server, the deployment's TLS mode and credentials). */
    MailSender open(SmtpSettings settings, SecretResolver secrets);
}
