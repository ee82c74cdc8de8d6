package dev.oktyv.bench.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.system.email.EmailMessage;
import dev.oktyv.system.email.SmtpMailer;
import dev.oktyv.system.email.SmtpPoolConfig;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Pair: one message through the Email engine with pooled SMTP connections ({@code variant=pooled}) vs a new
 * connection (connect, greeting, EHLO, QUIT) per message ({@code variant=baseline}, the engine's default), to an
 * in-process GreenMail on loopback, plain SMTP (GreenMail has no STARTTLS; with TLS the pool also saves the
 * handshake, so this understates the gain). Score: messages per second. GreenMail's mailboxes are purged after
 * every iteration so that its memory, not the engine, does not decide the later iterations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class EmailSendBenchmark {

    @Param({"pooled", "baseline"})
    public String variant;

    private GreenMail greenMail;
    private SmtpMailer mailer;
    private EmailMessage message;

    @Setup(Level.Trial)
    public void setUp() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(greenMail.getSmtp().getPort())
                .tlsMode(TlsMode.NONE_LOOPBACK_ONLY).build();
        mailer = switch (variant) {
            case "pooled" -> new SmtpMailer(settings, ref -> {
                throw new IllegalStateException("no secrets in this benchmark");
            }, Clock.systemUTC(), SmtpPoolConfig.defaults().withMaxConnections(4));
            case "baseline" -> new SmtpMailer(settings, ref -> {
                throw new IllegalStateException("no secrets in this benchmark");
            }, Clock.systemUTC());
            default -> throw new IllegalArgumentException("variant '" + variant + "' is not one of pooled, baseline");
        };
        message = EmailMessage.builder().from("bench@oktyv.test").to("inbox@oktyv.test").subject("oktyv benchmark")
                .text("One message of the email benchmark.").build();
    }

    @TearDown(Level.Iteration)
    public void purge() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mailer.close();
        greenMail.stop();
    }

    @Benchmark
    @Threads(1)
    public void send1Thread() {
        mailer.send(message);
    }

    @Benchmark
    @Threads(4)
    public void send4Threads() {
        mailer.send(message);
    }
}
