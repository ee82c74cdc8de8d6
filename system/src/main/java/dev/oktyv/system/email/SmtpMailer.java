package dev.oktyv.system.email;

import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretResolver;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link EmailMessage}s over SMTP with Jakarta Mail (Eclipse Angus). Each send opens its own
 * {@link Session} from explicit properties (never {@code Session.getDefaultInstance}, which is JVM-global and
 * keeps the first caller's settings). The password is resolved from the Vault per connection and never logged.
 *
 * <p>By default every message opens its own connection (TCP, TLS handshake, login) and closes it. With a
 * {@link SmtpPoolConfig}, logged-in connections are kept in a pool, checked with a NOOP when borrowed and closed
 * when idle; {@link #close()} then closes them.
 */
public final class SmtpMailer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final SmtpSettings settings;
    private final SecretResolver secrets;
    private final Clock clock;
    private final SmtpConnections connections;

    /** One connection per message. */
    public SmtpMailer(SmtpSettings settings, SecretResolver secrets, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connections = new PerMessageConnections(properties(), this::open);
    }

    /** Connections from a pool; close the mailer to close them. */
    public SmtpMailer(SmtpSettings settings, SecretResolver secrets, Clock clock, SmtpPoolConfig pool) {
        this(settings, secrets, clock, pool, null);
    }

    /** For tests: {@code opener} replaces connect-and-login (e.g. with transports that break on demand). */
    SmtpMailer(SmtpSettings settings, SecretResolver secrets, Clock clock, SmtpPoolConfig pool,
               SmtpConnections.Opener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pool, "pool");
        this.connections = new PooledConnections(Session.getInstance(properties()), opener != null ? opener : this::open,
                pool);
    }

    /** The pool's counts; empty for a mailer that opens one connection per message. */
    public Optional<SmtpPoolStats> poolStats() {
        return connections.stats();
    }

    @Override
    public void close() {
        connections.close();
    }

    /** @throws EmailSendException when connecting, TLS, login or delivery fails; nothing partial is retried */
    public void send(EmailMessage message) {
        try {
            MimeMessage mime = toMime(connections.session(), message);
            Address[] recipients = mime.getAllRecipients();
            connections.send(mime, recipients);
            LOG.debug("sent message to {} recipient(s) via {}:{}", recipients.length, settings.host(), settings.port());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new EmailSendException("sending via " + settings.host() + ":" + settings.port() + " ("
                    + settings.tlsMode() + ") failed: " + describe(e), e);
        }
    }

    private Transport open(Session session) throws MessagingException {
        Transport transport = session.getTransport(settings.tlsMode() == TlsMode.IMPLICIT_TLS ? "smtps" : "smtp");
        try {
            connect(transport);
        } catch (MessagingException | RuntimeException e) {
            transport.close();
            throw e;
        }
        return transport;
    }

    private void connect(Transport transport) throws MessagingException {
        if (settings.credentials().isEmpty()) {
            transport.connect(settings.host(), settings.port(), null, null);
            return;
        }
        SmtpCredentials credentials = settings.credentials().get();
        try (Secret password = secrets.resolve(credentials.password())) {
            // Jakarta Mail only takes a String; it lives for the duration of the login.
            transport.connect(settings.host(), settings.port(), credentials.username(), password.revealAsString());
        }
    }

    Properties properties() {
        String p = settings.tlsMode() == TlsMode.IMPLICIT_TLS ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put(p + "host", settings.host());
        props.put(p + "port", Integer.toString(settings.port()));
        props.put(p + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        props.put(p + "timeout", Long.toString(settings.ioTimeout().toMillis()));
        props.put(p + "writetimeout", Long.toString(settings.ioTimeout().toMillis()));
        props.put(p + "auth", Boolean.toString(settings.credentials().isPresent()));
        switch (settings.tlsMode()) {
            case STARTTLS_REQUIRED:
                props.put(p + "starttls.enable", "true");
                // Without "required", Angus silently continues in plaintext when the server lacks STARTTLS.
                props.put(p + "starttls.required", "true");
                tls(props, p);
                break;
            case IMPLICIT_TLS:
                props.put(p + "ssl.enable", "true");
                tls(props, p);
                break;
            default:
                props.put(p + "starttls.enable", "false");
        }
        return props;
    }

    private void tls(Properties props, String p) {
        props.put(p + "ssl.checkserveridentity", "true");
        props.put(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
        settings.sslContext().ifPresent(ctx -> props.put(p + "ssl.socketFactory", ctx.getSocketFactory()));
    }

    private MimeMessage toMime(Session session, EmailMessage message)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(message.from().toInternetAddress());
        mime.setRecipients(Message.RecipientType.TO, addresses(message.to()));
        mime.setRecipients(Message.RecipientType.CC, addresses(message.cc()));
        mime.setRecipients(Message.RecipientType.BCC, addresses(message.bcc()));
        if (!message.replyTo().isEmpty()) {
            mime.setReplyTo(addresses(message.replyTo()));
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(clock.instant()));
        for (CustomHeader h : message.headers()) {
            // Encoded-word + folding keeps non-ASCII and long values legal; the value was already checked to be
            // single-line, so folding is the only place a line break can appear, and it is ours.
            String encoded = MimeUtility.encodeText(h.value(), StandardCharsets.UTF_8.name(), null);
            mime.setHeader(h.name(), MimeUtility.fold(h.name().length() + 2, encoded));
        }
        if (message.attachments().isEmpty()) {
            mime.setText(message.textBody(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart multipart = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), StandardCharsets.UTF_8.name());
            multipart.addBodyPart(text);
            for (Attachment a : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setFileName(MimeUtility.encodeText(a.filename(), StandardCharsets.UTF_8.name(), null));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                multipart.addBodyPart(part);
            }
            mime.setContent(multipart);
        }
        mime.saveChanges();
        return mime;
    }

    private static InternetAddress[] addresses(List<EmailAddress> list) {
        return list.stream().map(EmailAddress::toInternetAddress).toArray(InternetAddress[]::new);
    }

    /** The top message plus the root cause: Angus nests the useful reason (TLS, socket) inside. */
    private static String describe(Exception e) {
        String top = firstLine(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? top : top + " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
    }

    private static String firstLine(String s) {
        return s == null ? "(no message)" : s.split("\\R", 2)[0];
    }
}
