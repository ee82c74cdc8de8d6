package dev.oktyv.system.service.adapters;

import dev.oktyv.system.email.EmailMessage;
import dev.oktyv.system.email.EmailSendException;
import dev.oktyv.system.email.SmtpMailer;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.MailBackend;
import java.util.Objects;
import java.util.UUID;

/**
 * The Email engine behind {@code POST /email/send}. The engine returns no id, so this one generates one and sends
 * it as {@value #ID_HEADER} so a delivered message can be matched to the request. Invalid addresses and CR/LF in
 * headers are the engine's {@code InvalidEmailException} (an IllegalArgumentException: the route makes it 400);
 * a failed delivery is 503 without the engine's message, which names the SMTP host.
 */
public final class SmtpMailBackend implements MailBackend {

    public static final String ID_HEADER = "X-Oktyv-Message-Id";

    private final SmtpMailer mailer;
    private final String from;

    public SmtpMailBackend(SmtpMailer mailer, String from) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public String send(Mail mail) {
        String id = UUID.randomUUID().toString();
        EmailMessage.Builder b = EmailMessage.builder().from(from).subject(mail.subject()).text(mail.body())
                .header(ID_HEADER, id);
        mail.to().forEach(b::to);
        EmailMessage message = b.build();
        try {
            mailer.send(message);
        } catch (EmailSendException e) {
            throw new ApiException(503, "unavailable", "the mail server did not accept the message; retry later");
        }
        return id;
    }
}
