package dev.oktyv.probes.security.email;

import dev.oktyv.system.email.EmailMessage;
import dev.oktyv.system.email.SmtpCredentials;
import dev.oktyv.system.email.SmtpMailer;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import dev.oktyv.system.secret.SecretResolver;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The real mail engine ({@link SmtpMailer} and {@link EmailMessage}'s validation) with a deployment's settings. */
public final class EngineEmailTarget implements EmailTarget {

    private final TlsMode tlsMode;
    private final Optional<SmtpCredentials> credentials;
    private final SecretResolver secrets;

    public EngineEmailTarget(TlsMode tlsMode, Optional<SmtpCredentials> credentials, SecretResolver secrets) {
        this.tlsMode = Objects.requireNonNull(tlsMode, "tlsMode");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** The engine's defaults: STARTTLS required, no login. */
    public static EngineEmailTarget defaults() {
        return new EngineEmailTarget(TlsMode.STARTTLS_REQUIRED, Optional.empty(), ref -> {
            throw new dev.oktyv.system.secret.SecretNotFoundException(ref);
        });
    }

    @Override
    public String description() {
        return "oktyv mail engine (SmtpMailer, " + tlsMode + (credentials.isPresent() ? ", with login" : "") + ")";
    }

    @Override
    public TlsMode tlsMode() {
        return tlsMode;
    }

    @Override
    public Optional<SmtpCredentials> credentials() {
        return credentials;
    }

    @Override
    public SecretResolver secrets() {
        return secrets;
    }

    @Override
    public MailSender open(SmtpSettings settings, SecretResolver resolver) {
        SmtpMailer mailer = new SmtpMailer(settings, resolver, Clock.systemUTC());
        return fields -> {
            EmailMessage.Builder b = EmailMessage.builder().from(fields.from()).subject(fields.subject())
                    .text(fields.text());
            fields.to().forEach(b::to);
            fields.cc().forEach(b::cc);
            fields.bcc().forEach(b::bcc);
            fields.replyTo().ifPresent(b::replyTo);
            for (Map.Entry<String, String> h : fields.headers()) {
                b.header(h.getKey(), h.getValue());
            }
            mailer.send(b.build());
        };
    }
}
