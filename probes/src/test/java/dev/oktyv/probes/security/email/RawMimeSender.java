package dev.oktyv.probes.security.email;

import dev.oktyv.system.email.SmtpSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;

/**
 * The weakened mail engine: Jakarta Mail with the CR/LF checks removed. Header values and names go in with
 * {@code setHeader} as given, addresses through the lenient list parser.
 */
final class RawMimeSender implements MailSender {

    private final SmtpSettings settings;

    RawMimeSender(SmtpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void send(MailFields f) {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        Session session = Session.getInstance(props);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setHeader("From", f.from());
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", f.to()), false));
            if (!f.cc().isEmpty()) {
                m.setRecipients(Message.RecipientType.CC, InternetAddress.parse(String.join(",", f.cc()), false));
            }
            if (!f.bcc().isEmpty()) {
                m.setRecipients(Message.RecipientType.BCC, InternetAddress.parse(String.join(",", f.bcc()), false));
            }
            if (f.replyTo().isPresent()) {
                m.setHeader("Reply-To", f.replyTo().get());
            }
            m.setHeader("Subject", f.subject());
            for (Map.Entry<String, String> h : f.headers()) {
                m.setHeader(h.getKey(), h.getValue());
            }
            m.setText(f.text());
            m.saveChanges();
            // Recipients as the headers now say, the way a mailer that re-reads its own headers would send.
            Transport.send(m, m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
