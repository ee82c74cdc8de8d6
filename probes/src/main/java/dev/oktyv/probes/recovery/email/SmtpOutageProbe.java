package dev.oktyv.probes.recovery.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oktyv.probes.recovery.CallerMessages;
import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.probes.recovery.proxy.DownToxic;
import dev.oktyv.probes.recovery.proxy.FaultProxy;
import dev.oktyv.probes.recovery.proxy.LimitDataToxic;
import dev.oktyv.probes.recovery.proxy.Toxic;
import dev.oktyv.probes.recovery.proxy.ToxicDirection;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.email.EmailMessage;
import dev.oktyv.system.email.EmailSendException;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * GreenMail behind the proxy goes {@code down} mid-stream, and one message is cut in the middle of its DATA
 * ({@code limit_data}): those sends must fail with a clear, sanitised error within the configured timeouts; once
 * the server is back, sends succeed again; and, counted on the server, every acknowledged message arrived exactly
 * once and none arrived twice.
 */
public final class SmtpOutageProbe implements RecoveryProbe {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofMillis(500);

    @Override
    public String id() {
        return "smtp-outage";
    }

    @Override
    public String title() {
        return "SMTP Outage";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        var target = targets.get(MailTarget.class);
        if (target.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no email target configured");
        }
        Judgement j = new Judgement();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        // GreenMail's connection thread dies with a stack trace on stderr when the probe cuts a message mid-DATA;
        // that is the injected fault, not news, so its threads' uncaught exceptions are dropped while it runs.
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (t.getName().startsWith("smtp:")) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                t.getThreadGroup().uncaughtException(t, e);
            }
        });
        smtp.start();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (FaultProxy proxy = FaultProxy.start(new InetSocketAddress("127.0.0.1", smtp.getSmtp().getPort()))) {
            SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(proxy.port())
                    .tlsMode(TlsMode.NONE_LOOPBACK_ONLY).timeouts(CONNECT_TIMEOUT, IO_TIMEOUT).build();
            Mailer mailer = target.get().open(settings);
            long limitNanos = settings.connectTimeout().plus(settings.ioTimeout()).plus(MARGIN).toNanos();
            Map<String, Boolean> acknowledged = new HashMap<>();
            long slowestFailureNanos = 0;
            String error = "none";
            DownToxic down = new DownToxic();
            LimitDataToxic cut = new LimitDataToxic(ToxicDirection.UPSTREAM, 1.0, 200);
            double recoveryMillis = Double.NaN;
            for (int i = 1; i <= 9; i++) {
                Toxic fault = i == 4 ? down : i == 7 ? cut : null;
                if (fault != null) {
                    proxy.add(fault);
                }
                String subject = "recovery-" + run + "-" + i;
                long start = System.nanoTime();
                try {
                    mailer.send(message(subject));
                    acknowledged.put(subject, true);
                    if (i == 8 && Double.isNaN(recoveryMillis)) {
                        recoveryMillis = (System.nanoTime() - start) / 1e6;
                    }
                } catch (EmailSendException e) {
                    acknowledged.put(subject, false);
                    slowestFailureNanos = Math.max(slowestFailureNanos, System.nanoTime() - start);
                    error = e.getMessage() == null ? "" : e.getMessage();
                }
                if (i == 6) {
                    proxy.remove(down);
                }
                if (i == 7) {
                    proxy.remove(cut);
                }
            }
            Map<String, Integer> received = received(smtp);
            long failed = acknowledged.values().stream().filter(ok -> !ok).count();
            long twice = received.values().stream().filter(n -> n > 1).count();
            long lost = acknowledged.entrySet().stream()
                    .filter(e -> e.getValue() && received.getOrDefault(e.getKey(), 0) != 1).count();
            j.require(failed >= 4 && twice == 0 && lost == 0, "GreenMail", acknowledged.size() + " sends, " + failed
                    + " failed (expected at least the 3 while down and the cut one), " + twice + " received twice, "
                    + lost + " acknowledged but not received exactly once");
            j.require(slowestFailureNanos <= limitNanos, "EmailSendException", String.format(Locale.ROOT,
                    "slowest failed send %.0f ms (limit: connect %d ms + io %d ms + %d ms)", slowestFailureNanos / 1e6,
                    settings.connectTimeout().toMillis(), settings.ioTimeout().toMillis(), MARGIN.toMillis()));
            j.require(CallerMessages.leaks(error.replace("127.0.0.1:" + proxy.port(), "")).isEmpty()
                            && !error.isEmpty(), "EmailSendException",
                    "the error names the server and the cause: " + error.length() + " chars, "
                            + (CallerMessages.leaks(error).isEmpty() ? "nothing internal" : "leaks " + CallerMessages.leaks(error)));
            j.require(acknowledged.getOrDefault("recovery-" + run + "-8", false)
                            && acknowledged.getOrDefault("recovery-" + run + "-9", false), "GreenMail",
                    "sends after the server returned: " + acknowledged.get("recovery-" + run + "-8") + ", "
                            + acknowledged.get("recovery-" + run + "-9"));
            return j.outcome(this, "SMTP server behind the proxy: down for sends 4-6, send 7 cut after 200 bytes",
                    String.format(Locale.ROOT, "Recovered: %d failed visibly, none lost or duplicated", failed),
                    recoveryMillis, OptionalInt.empty());
        } finally {
            smtp.stop();
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    private static EmailMessage message(String subject) {
        return EmailMessage.builder().from("probe@oktyv.test").to("inbox@oktyv.test").subject(subject)
                .text("recovery probe message " + subject + "\n" + "x".repeat(2_000)).build();
    }

    /** Subjects counted on the server side: what was really delivered. */
    private static Map<String, Integer> received(GreenMail smtp) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            counts.merge(m.getSubject(), 1, Integer::sum);
        }
        return counts;
    }
}
