package dev.oktyv.system.service.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.system.email.SmtpMailer;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.routes.MailBackend.Mail;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpMailBackendTest {

    private static SmtpMailer mailer(int port) {
        return new SmtpMailer(SmtpSettings.builder("127.0.0.1").port(port).tlsMode(TlsMode.NONE_LOOPBACK_ONLY)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build(), ref -> {
                    throw new AssertionError("no secrets expected");
                }, Clock.systemUTC());
    }

    @Test
    void sendsAndTagsTheMessageWithTheReturnedId() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            SmtpMailBackend mail = new SmtpMailBackend(mailer(smtp.getSmtp().getPort()), "svc@service.invalid");
            String id = mail.send(new Mail(List.of("a@example.com", "b@example.com"), "subject", "body"));
            MimeMessage[] got = smtp.getReceivedMessages();
            assertThat(got).hasSize(2); // one per recipient mailbox
            assertThat(got[0].getHeader(SmtpMailBackend.ID_HEADER, null)).isEqualTo(id);
            assertThatThrownBy(() -> mail.send(new Mail(List.of("x@y.com\r\nBcc: z@z.com"), "s", "b")))
                    .isInstanceOf(IllegalArgumentException.class); // the route turns it into 400
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anUnreachableServerIs503WithoutItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpMailBackend mail = new SmtpMailBackend(mailer(closedPort), "svc@service.invalid");
        assertThatThrownBy(() -> mail.send(new Mail(List.of("a@example.com"), "s", "b")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).doesNotContain("127.0.0.1").doesNotContain(Integer.toString(closedPort));
                });
    }
}
