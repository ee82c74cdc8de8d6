package dev.oktyv.probes.security.email;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.email.SmtpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends with the deployment's TLS mode to an SMTP server that offers no STARTTLS. The send must fail and the server
 * must receive nothing: a mailer that falls back to plaintext hands the login and the message to anyone on the path.
 */
public final class StartTlsRequiredProbe implements SecurityProbe {

    @Override
    public String id() {
        return "email.starttls-required";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.EMAIL;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "A mail server without STARTTLS is refused, nothing is sent in plaintext";
    }

    @Override
    public String fix() {
        return "Use TlsMode.STARTTLS_REQUIRED (mail.smtp.starttls.required=true) or IMPLICIT_TLS for every real server";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<EmailTarget> mail = target.get(EmailTarget.class);
        if (mail.isEmpty()) {
            return ProbeOutcome.notRun("no email target configured");
        }
        List<String> evidence = new ArrayList<>();
        String action = "sent one message with " + mail.get().description() + " to a loopback SMTP server that does not "
                + "offer STARTTLS";
        try (LoopbackSmtp server = LoopbackSmtp.start()) {
            SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(server.port())
                    .tlsMode(mail.get().tlsMode()).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
            String outcome;
            try {
                mail.get().open(settings, ref -> {
                    throw new dev.oktyv.system.secret.SecretNotFoundException(ref);
                }).send(MailFields.plain());
                outcome = "the send succeeded";
            } catch (RuntimeException e) {
                outcome = "the send failed (" + e.getClass().getSimpleName() + ")";
            }
            int delivered = server.deliveries().size();
            evidence.add("TLS mode " + mail.get().tlsMode() + ": " + outcome + ", " + delivered
                    + " copies delivered in plaintext");
            return delivered == 0 ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, evidence);
        }
    }
}
