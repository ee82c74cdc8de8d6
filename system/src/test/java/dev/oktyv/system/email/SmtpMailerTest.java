package dev.oktyv.system.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.secret.SecretResolver;
import dev.oktyv.system.time.ManualTime;
import dev.oktyv.system.tls.TestCertificates;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpMailerTest {

    static final String PASSWORD = "pa:ss:w0rd:";
    static final SecretReference PASSWORD_REF = new SecretReference("mail", "smtp-password");
    static final SmtpCredentials CREDENTIALS = new SmtpCredentials("mailer", PASSWORD_REF);
    static final SecretResolver SECRETS = ref -> {
        if (ref.equals(PASSWORD_REF)) {
            return Secret.of(PASSWORD);
        }
        throw new SecretNotFoundException(ref);
    };

    static GreenMail greenMail;
    private final ManualTime time = new ManualTime();

    @BeforeAll
    static void startGreenMail() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@oktyv.test", "mailer", PASSWORD));
        greenMail.start();
    }

    @AfterAll
    static void stopGreenMail() {
        greenMail.stop();
    }

    @BeforeEach
    void purge() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    static int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    static SmtpSettings.Builder plain() {
        return SmtpSettings.builder("127.0.0.1").port(smtpPort()).tlsMode(TlsMode.NONE_LOOPBACK_ONLY)
                .credentials(CREDENTIALS);
    }

    static byte[] attachmentBytes() {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    static EmailMessage sample() {
        return EmailMessage.builder()
                .from("Oktyv Reports <reports@oktyv.test>")
                .to("alice@oktyv.test")
                .cc("bob@oktyv.test")
                .bcc("audit@oktyv.test")
                .replyTo("noreply@oktyv.test")
                .subject("Grüße: nightly report 42")
                .text("Hello Alice,\nthe nightly run passed.\n")
                .header("X-Oktyv-Trace", "run-2026-01-01 ü")
                .attach("report.bin", "application/octet-stream", attachmentBytes())
                .build();
    }

    static void assertSampleArrivedIntact() throws Exception {
        assertThat(greenMail.waitForIncomingEmail(5_000, 3)).as("one copy per recipient").isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Grüße: nightly report 42");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Oktyv Reports <reports@oktyv.test>");
        assertThat(m.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("alice@oktyv.test");
        assertThat(m.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("bob@oktyv.test");
        assertThat(m.getHeader("Bcc")).as("Bcc is delivered, never shown").isNull();
        assertThat(m.getReplyTo()[0].toString()).isEqualTo("noreply@oktyv.test");
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(m.getHeader("X-Oktyv-Trace", null)))
                .isEqualTo("run-2026-01-01 ü");
        assertThat(m.getSentDate().toInstant()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hello Alice,\nthe nightly run passed.\n".replace("\n", "\r\n"));
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("report.bin");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        try (InputStream in = attachment.getInputStream()) {
            assertThat(Arrays.equals(in.readAllBytes(), attachmentBytes())).as("attachment bytes intact").isTrue();
        }
        assertThat(Arrays.stream(received).flatMap(r -> {
            try {
                return Arrays.stream(r.getAllRecipients());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(Object::toString)).doesNotContain("audit@oktyv.test");
    }

    @Test
    void plainSmtpToALoopbackServerDeliversHeadersBodyAndAttachmentIntact() throws Exception {
        new SmtpMailer(plain().build(), SECRETS, time.clock()).send(sample());
        assertSampleArrivedIntact();
        assertThat(greenMail.getReceivedMessagesForDomain("oktyv.test")).hasSize(3);
    }

    @Test
    void startTlsDeliversIntactAndTrustsOnlyTheExplicitCertificate() throws Exception {
        try (SmtpTlsRelay relay = new SmtpTlsRelay(smtpPort(), TestCertificates.serverContext(), SmtpTlsRelay.Mode.STARTTLS)) {
            SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(relay.port())
                    .sslContext(TestCertificates.clientContext()).credentials(CREDENTIALS).build();
            assertThat(settings.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
            new SmtpMailer(settings, SECRETS, time.clock()).send(sample());
            assertThat(relay.tlsSessions.get()).isEqualTo(1);
            assertThat(relay.refusedBeforeTls.get()).as("nothing but EHLO/STARTTLS in clear text").isZero();
            assertSampleArrivedIntact();

            greenMail.purgeEmailFromAllMailboxes();
            SmtpSettings defaultTrust = SmtpSettings.builder("127.0.0.1").port(relay.port()).credentials(CREDENTIALS).build();
            assertThatThrownBy(() -> new SmtpMailer(defaultTrust, SECRETS, time.clock()).send(sample()))
                    .isInstanceOf(EmailSendException.class)
                    .hasMessageContaining("certification path");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        java.net.InetAddress other = java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        try (SmtpTlsRelay relay = new SmtpTlsRelay(smtpPort(), TestCertificates.serverContext(), SmtpTlsRelay.Mode.STARTTLS, other)) {
            SmtpSettings settings = SmtpSettings.builder("127.0.0.2").port(relay.port())
                    .sslContext(TestCertificates.clientContext()).credentials(CREDENTIALS).build();
            assertThatThrownBy(() -> new SmtpMailer(settings, SECRETS, time.clock()).send(sample()))
                    .isInstanceOf(EmailSendException.class);
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void implicitTlsDeliversIntact() throws Exception {
        try (SmtpTlsRelay relay = new SmtpTlsRelay(smtpPort(), TestCertificates.serverContext(), SmtpTlsRelay.Mode.IMPLICIT)) {
            SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(relay.port()).tlsMode(TlsMode.IMPLICIT_TLS)
                    .sslContext(TestCertificates.clientContext()).credentials(CREDENTIALS).build();
            new SmtpMailer(settings, SECRETS, time.clock()).send(sample());
            assertThat(relay.tlsSessions.get()).isEqualTo(1);
            assertSampleArrivedIntact();
        }
    }

    @Test
    void refusesToSendWhenTheServerDoesNotOfferStartTls() {
        // GreenMail itself does not offer STARTTLS: the default mode must refuse rather than fall back.
        SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(smtpPort()).credentials(CREDENTIALS).build();
        assertThatThrownBy(() -> new SmtpMailer(settings, SECRETS, time.clock()).send(sample()))
                .isInstanceOf(EmailSendException.class)
                .hasMessageContaining("STARTTLS")
                .hasMessageNotContaining(PASSWORD);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() {
        SecretResolver wrong = ref -> Secret.of("pa:ss");
        assertThatThrownBy(() -> new SmtpMailer(plain().build(), wrong, time.clock()).send(sample()))
                .isInstanceOf(EmailSendException.class)
                .hasMessageContaining("535")
                .hasMessageNotContaining("pa:ss");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void tlsCanOnlyBeDisabledForLoopback() {
        assertThatThrownBy(() -> SmtpSettings.builder("smtp.example.com").tlsMode(TlsMode.NONE_LOOPBACK_ONLY).build())
                .isInstanceOf(InvalidEmailException.class)
                .hasMessage("TLS can only be disabled for a loopback SMTP host, not 'smtp.example.com'");
        assertThatThrownBy(() -> SmtpSettings.builder("127.0.0.1").port(0).build())
                .hasMessage("SMTP port must be in [1, 65535], was 0");
    }
}
