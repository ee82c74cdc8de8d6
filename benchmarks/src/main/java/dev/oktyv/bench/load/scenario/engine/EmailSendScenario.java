package dev.oktyv.bench.load.scenario.engine;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import dev.oktyv.system.email.EmailMessage;
import dev.oktyv.system.email.SmtpMailer;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Email send (seed: 20 concurrent): one message per operation through the Email engine's {@link SmtpMailer} (a new
 * SMTP connection each time, as the engine does) to an in-process GreenMail on loopback, ephemeral port. GreenMail
 * has no STARTTLS, so TLS is off through {@link TlsMode#NONE_LOOPBACK_ONLY}, which the engine only accepts for a
 * loopback host. Stored messages are purged every {@value #PURGE_EVERY} sends so memory stays bounded on long runs.
 */
public final class EmailSendScenario implements Scenario {

    public static final String ID = "email";
    static final long PURGE_EVERY = 5_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "SMTP send via the Email engine to in-process GreenMail on loopback (plain SMTP, loopback only)";
    }

    @Override
    public int defaultConcurrency() {
        return 20;
    }

    @Override
    public Target open() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        SmtpMailer mailer;
        try {
            mailer = new SmtpMailer(SmtpSettings.builder("127.0.0.1").port(greenMail.getSmtp().getPort())
                    .tlsMode(TlsMode.NONE_LOOPBACK_ONLY).build(), NoSecrets.RESOLVER, Clock.systemUTC());
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
        EmailMessage message = EmailMessage.builder().from("load@oktyv.test").to("inbox@oktyv.test")
                .subject("oktyv load test").text("One message of the email load scenario.").build();
        AtomicLong sent = new AtomicLong();
        return new Target() {
            @Override
            public Session newSession() {
                return () -> {
                    mailer.send(message); // returns only once the server accepted the message (250 after DATA)
                    if (sent.incrementAndGet() % PURGE_EVERY == 0) {
                        greenMail.purgeEmailFromAllMailboxes();
                    }
                    return Outcome.OK;
                };
            }

            @Override
            public void close() {
                greenMail.stop();
            }
        };
    }
}
