package dev.oktyv.system.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.system.time.ManualTime;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The pooled mailer: with transports that break on demand, and against a GreenMail that restarts. */
class SmtpPoolTest {

    private final ManualTime time = new ManualTime();

    /** A transport that "sends" by recording itself; broken ones fail validation or the send. */
    static final class FakeTransport extends Transport {
        final int number;
        final AtomicBoolean dead = new AtomicBoolean();
        final AtomicBoolean failNextSend = new AtomicBoolean();
        final AtomicBoolean inUse = new AtomicBoolean();
        final Fakes fakes;

        FakeTransport(Session session, int number, Fakes fakes) {
            super(session, new URLName("smtp://127.0.0.1"));
            this.number = number;
            this.fakes = fakes;
        }

        @Override
        public boolean isConnected() {
            return !dead.get();
        }

        @Override
        public void sendMessage(Message msg, Address[] addresses) throws MessagingException {
            if (!inUse.compareAndSet(false, true)) {
                fakes.sharedUse.incrementAndGet(); // two sends on one connection at once
            }
            try {
                int now = fakes.inUseNow.incrementAndGet();
                fakes.maxInUse.accumulateAndGet(now, Math::max);
                fakes.used.add(number);
                if (dead.get()) {
                    fakes.sentOnDead.incrementAndGet();
                }
                if (failNextSend.getAndSet(false)) {
                    throw new MessagingException("connection reset (fake)");
                }
                for (int i = 0; i < 200; i++) {
                    Thread.onSpinWait(); // hold the connection briefly so that threads overlap
                }
            } finally {
                fakes.inUseNow.decrementAndGet();
                inUse.set(false);
            }
        }
    }

    static final class Fakes {
        final List<FakeTransport> opened = new CopyOnWriteArrayList<>();
        final List<Integer> used = new CopyOnWriteArrayList<>();
        final AtomicInteger inUseNow = new AtomicInteger();
        final AtomicInteger maxInUse = new AtomicInteger();
        final AtomicInteger sharedUse = new AtomicInteger();
        final AtomicInteger sentOnDead = new AtomicInteger();

        Transport open(Session session) {
            FakeTransport t = new FakeTransport(session, opened.size(), this);
            opened.add(t);
            return t;
        }
    }

    private static SmtpSettings loopback(int port) {
        return SmtpSettings.builder("127.0.0.1").port(port).tlsMode(TlsMode.NONE_LOOPBACK_ONLY).build();
    }

    private static EmailMessage message(int n) {
        return EmailMessage.builder().from("pool@oktyv.test").to("inbox@oktyv.test").subject("pooled " + n)
                .text("message " + n).build();
    }

    private static SmtpPoolConfig pool(int max) {
        return new SmtpPoolConfig(max, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void aBrokenConnectionIsNeverHandedOutAgain() {
        Fakes fakes = new Fakes();
        try (SmtpMailer mailer = new SmtpMailer(loopback(25), SmtpMailerTest.SECRETS, time.clock(), pool(2), fakes::open)) {
            mailer.send(message(0));
            FakeTransport first = fakes.opened.get(0);
            first.dead.set(true);                          // the server dropped it while idle
            for (int i = 1; i <= 5; i++) {
                mailer.send(message(i));
            }
            assertThat(fakes.used.subList(1, 6)).doesNotContain(0);
            assertThat(fakes.sentOnDead).hasValue(0);
            assertThat(mailer.poolStats().orElseThrow().failedValidation()).isEqualTo(1);

            FakeTransport second = fakes.opened.get(1);
            second.failNextSend.set(true);                 // fails in the middle of a send
            assertThatThrownBy(() -> mailer.send(message(6))).isInstanceOf(EmailSendException.class);
            int before = fakes.used.size();
            for (int i = 7; i <= 10; i++) {
                mailer.send(message(i));
            }
            assertThat(fakes.used.subList(before, fakes.used.size())).doesNotContain(0, 1);
            assertThat(mailer.poolStats().orElseThrow().destroyed()).isEqualTo(2);
        }
    }

    @Test
    void neverMoreThanTheMaximumConnectionsUnderEightThreads() throws Exception {
        Fakes fakes = new Fakes();
        int max = 3;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (SmtpMailer mailer = new SmtpMailer(loopback(25), SmtpMailerTest.SECRETS, time.clock(), pool(max), fakes::open)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        mailer.send(message(thread * 1000 + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(fakes.used).hasSize(8 * 300);
            assertThat(fakes.maxInUse.get()).isBetween(1, max);
            assertThat(fakes.opened).hasSizeLessThanOrEqualTo(max);
            assertThat(fakes.sharedUse).as("one connection used by two sends at once").hasValue(0);
            SmtpPoolStats stats = mailer.poolStats().orElseThrow();
            assertThat(stats.active()).isZero();
            assertThat(stats.idle()).isBetween(1, max);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anSmtpServerRestartLeavesNoDeadConnectionsInUse() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail before = new GreenMail(setup);
        before.start();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (SmtpMailer mailer = new SmtpMailer(loopback(port), SmtpMailerTest.SECRETS, time.clock(), pool(4))) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        mailer.send(message(thread * 100 + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(before.getReceivedMessages()).hasSize(40);
            int idleBeforeRestart = mailer.poolStats().orElseThrow().idle();
            assertThat(idleBeforeRestart).isPositive();
            before.stop();

            GreenMail after = new GreenMail(setup);
            after.start();
            try {
                for (int i = 0; i < 10; i++) {
                    mailer.send(message(1000 + i));   // each would fail on a dead pooled connection
                }
                assertThat(after.getReceivedMessages()).hasSize(10);
                SmtpPoolStats stats = mailer.poolStats().orElseThrow();
                assertThat(stats.failedValidation()).isEqualTo(idleBeforeRestart);
            } finally {
                after.stop();
            }
        } finally {
            threads.shutdownNow();
            before.stop();
        }
    }

    @Test
    void aPerMessageMailerHasNoPool() {
        SmtpMailer mailer = new SmtpMailer(loopback(25), SmtpMailerTest.SECRETS, time.clock());
        assertThat(mailer.poolStats()).isEmpty();
        assertThatThrownBy(() -> pool(0)).hasMessageContaining("was 0");
    }
}
