package dev.oktyv.system.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.system.time.ManualTime;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A corpus of header-injection attempts against every header the engine writes, checked at a real server. */
class HeaderInjectionTest {

    private static final String EVIL = "evil@attacker.test";
    private static GreenMail greenMail;

    @BeforeAll
    static void start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    private record Attempt(String name, UnaryOperator<EmailMessage.Builder> apply) {
    }

    private static EmailMessage.Builder base() {
        return EmailMessage.builder().from("sender@oktyv.test").to("victim@oktyv.test").subject("hello").text("body");
    }

    static List<Attempt> corpus() {
        return List.of(
                new Attempt("subject CRLF Bcc", b -> b.subject("Hi\r\nBcc: " + EVIL)),
                new Attempt("subject LF Bcc", b -> b.subject("Hi\nBcc: " + EVIL)),
                new Attempt("subject CR Bcc", b -> b.subject("Hi\rBcc: " + EVIL)),
                new Attempt("subject folded continuation", b -> b.subject("Hi\r\n Bcc: " + EVIL)),
                new Attempt("subject body injection", b -> b.subject("Hi\r\n\r\nfake body")),
                new Attempt("subject NEL", b -> b.subject("Hi\u0085Bcc: " + EVIL)),
                new Attempt("subject LINE SEPARATOR", b -> b.subject("Hi\u2028Bcc: " + EVIL)),
                new Attempt("to CRLF Bcc", b -> b.to("victim@oktyv.test\r\nBcc: " + EVIL)),
                new Attempt("to LF Cc", b -> b.to("victim@oktyv.test\nCc: " + EVIL)),
                new Attempt("to address list", b -> b.to("victim@oktyv.test, " + EVIL)),
                new Attempt("to NUL", b -> b.to("victim@oktyv.test\u0000" + EVIL)),
                new Attempt("cc personal name CRLF", b -> b.cc("\"Bob\r\nBcc: " + EVIL + "\" <bob@oktyv.test>")),
                new Attempt("bcc trailing CRLF", b -> b.bcc("audit@oktyv.test\r\n")),
                new Attempt("from CRLF Bcc", b -> b.from("sender@oktyv.test\r\nBcc: " + EVIL)),
                new Attempt("reply-to CRLF Bcc", b -> b.replyTo("r@oktyv.test\r\nBcc: " + EVIL)),
                new Attempt("reply-to group", b -> b.replyTo("friends: " + EVIL + ";")),
                new Attempt("custom value CRLF Bcc", b -> b.header("X-Trace", "t\r\nBcc: " + EVIL)),
                new Attempt("custom value LF only", b -> b.header("X-Trace", "t\n")),
                new Attempt("custom value body injection", b -> b.header("X-Trace", "t\r\n\r\n<html>owned")),
                new Attempt("custom name CRLF", b -> b.header("X-Trace\r\nBcc", EVIL)),
                new Attempt("custom name with colon", b -> b.header("Bcc: " + EVIL + "\r\nX", "v")),
                new Attempt("custom reserved Bcc", b -> b.header("Bcc", EVIL)),
                new Attempt("custom reserved To", b -> b.header("tO", EVIL)),
                new Attempt("attachment filename CRLF", b -> b.attach("a.txt\r\nBcc: " + EVIL, "text/plain", new byte[1])),
                new Attempt("attachment content type CRLF",
                        b -> b.attach("a.txt", "text/plain\r\nBcc: " + EVIL, new byte[1])));
    }

    @Test
    void everyAttemptIsRejectedAndTheServerSeesNoInjectedRecipientOrHeader() throws Exception {
        List<Attempt> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(15);
        SmtpMailer mailer = new SmtpMailer(SmtpSettings.builder("127.0.0.1").port(greenMail.getSmtp().getPort())
                .tlsMode(TlsMode.NONE_LOOPBACK_ONLY).build(), ref -> {
                    throw new AssertionError("no credentials configured");
                }, new ManualTime().clock());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        for (Attempt attempt : corpus) {
            assertThatThrownBy(() -> {
                EmailMessage message = attempt.apply().apply(base()).build();
                accepted.add(attempt.name());
                mailer.send(message);
            }).as(attempt.name()).isInstanceOf(InvalidEmailException.class)
                    .satisfies(e -> assertThat(e.getMessage()).as(attempt.name() + " message is one line")
                            .doesNotContain("\r").doesNotContain("\n"));
        }
        assertThat(accepted).isEmpty();

        // A clean message goes through the same mailer, so the server is reachable and the count is meaningful.
        mailer.send(base().header("X-Trace", "clean").build());
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(greenMail.getReceivedMessagesForDomain("attacker.test")).isEmpty();
        for (MimeMessage m : received) {
            assertThat(Stream.of(m.getAllRecipients()).map(Object::toString)).containsExactly("victim@oktyv.test");
            List<String> headers = new ArrayList<>();
            for (Header h : Collections.list(m.getAllHeaders())) {
                headers.add(h.getName() + ": " + h.getValue());
            }
            assertThat(headers).noneMatch(h -> h.contains("attacker") || h.startsWith("Bcc"));
        }
    }

    @Test
    void rejectionNamesTheFieldAndShowsTheValueEscaped() {
        assertThatThrownBy(() -> base().subject("Hi\r\nBcc: x@y.test"))
                .hasMessage("subject 'Hi\\r\\nBcc: x@y.test' contains a line break (CR or LF)");
        assertThatThrownBy(() -> base().header("X-A", "a\u2028b"))
                .hasMessage("header X-A 'a\\u2028b' contains control character U+2028");
    }
}
