package dev.oktyv.probes.security.email;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import dev.oktyv.probes.security.leak.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts CR/LF payloads (raw, folded, encoded, Unicode line separators, NUL) into every header field and address of a
 * message, plus address-list and SMTP-smuggling payloads, and sends each to a real SMTP server on loopback. Refusing
 * is fine; what the server receives must carry no injected header and reach no injected recipient.
 */
public final class HeaderInjectionProbe implements SecurityProbe {

    static final String ATTACKER_DOMAIN = "evil.example";
    static final String ATTACKER = "attacker@" + ATTACKER_DOMAIN;

    @Override
    public String id() {
        return "email.header-injection";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.EMAIL;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "CR/LF in any header field or address injects no header and no recipient";
    }

    @Override
    public String fix() {
        return "Refuse CR, LF, NEL, LS/PS and control characters in every header value, name and address before "
                + "building the message; parse addresses strictly, one per field";
    }

    static List<String> payloads() {
        return List.of("\r\nBcc: " + ATTACKER, "\nBcc: " + ATTACKER, "\rBcc: " + ATTACKER, "\r\n Bcc: " + ATTACKER,
                "\r\n\tBcc: " + ATTACKER, "\r\nBCC:" + ATTACKER, "\r\nTo: " + ATTACKER, "\r\nCc: " + ATTACKER,
                "\r\nX-Injected: yes", "\r\n\r\nX-Injected: body", "\r\nContent-Type: text/html\r\n\r\n<b>x</b>",
                "%0d%0aBcc: " + ATTACKER, "\u0085Bcc: " + ATTACKER, "\u2028Bcc: " + ATTACKER,
                "=?UTF-8?Q?x=0D=0ABcc:_" + ATTACKER + "?=", "\u0000\r\nBcc: " + ATTACKER);
    }

    /** Each field that takes text, as a function from payload to message. */
    static Map<String, Function<String, MailFields>> fields() {
        MailFields m = MailFields.plain();
        Map<String, Function<String, MailFields>> f = new LinkedHashMap<>();
        f.put("subject", p -> new MailFields(m.from(), m.to(), m.cc(), m.bcc(), m.replyTo(), "hello" + p, m.text(),
                m.headers()));
        f.put("custom header value", p -> new MailFields(m.from(), m.to(), m.cc(), m.bcc(), m.replyTo(), m.subject(),
                m.text(), List.of(Map.entry("X-Request-Id", "id" + p))));
        f.put("custom header name", p -> new MailFields(m.from(), m.to(), m.cc(), m.bcc(), m.replyTo(), m.subject(),
                m.text(), List.of(Map.entry("X-Id" + p, "v"))));
        f.put("from", p -> new MailFields("sender@oktyv.test" + p, m.to(), m.cc(), m.bcc(), m.replyTo(), m.subject(),
                m.text(), m.headers()));
        f.put("to", p -> new MailFields(m.from(), List.of("victim@oktyv.test" + p), m.cc(), m.bcc(), m.replyTo(),
                m.subject(), m.text(), m.headers()));
        f.put("cc", p -> new MailFields(m.from(), m.to(), List.of("copy@oktyv.test" + p), m.bcc(), m.replyTo(),
                m.subject(), m.text(), m.headers()));
        f.put("bcc", p -> new MailFields(m.from(), m.to(), m.cc(), List.of("blind@oktyv.test" + p), m.replyTo(),
                m.subject(), m.text(), m.headers()));
        f.put("reply-to", p -> new MailFields(m.from(), m.to(), m.cc(), m.bcc(), Optional.of("reply@oktyv.test" + p),
                m.subject(), m.text(), m.headers()));
        f.put("display name", p -> new MailFields(m.from(), List.of("\"Victim" + p + "\" <victim@oktyv.test>"), m.cc(),
                m.bcc(), m.replyTo(), m.subject(), m.text(), m.headers()));
        return f;
    }

    /** Address-list and smuggling payloads that need no CR/LF in a header. */
    static Map<String, MailFields> extras() {
        MailFields m = MailFields.plain();
        Map<String, MailFields> x = new LinkedHashMap<>();
        for (String to : List.of("victim@oktyv.test, " + ATTACKER, "victim@oktyv.test;" + ATTACKER,
                "victim@oktyv.test>,<" + ATTACKER, "Victims: victim@oktyv.test, " + ATTACKER + ";")) {
            x.put("to '" + to + "'", new MailFields(m.from(), List.of(to), m.cc(), m.bcc(), m.replyTo(), m.subject(),
                    m.text(), m.headers()));
        }
        x.put("body with SMTP smuggling", new MailFields(m.from(), m.to(), m.cc(), m.bcc(), m.replyTo(), m.subject(),
                "hi\r\n.\r\nMAIL FROM:<x@" + ATTACKER_DOMAIN + ">\r\nRCPT TO:<" + ATTACKER + ">\r\nDATA\r\n"
                        + "X-Injected: smuggled\r\n\r\nsmuggled\r\n.\r\n", m.headers()));
        x.put("body with bare-LF smuggling", new MailFields(m.from(), m.to(), m.cc(), m.bcc(), m.replyTo(), m.subject(),
                "hi\n.\nMAIL FROM:<x@" + ATTACKER_DOMAIN + ">\nRCPT TO:<" + ATTACKER + ">\nDATA\nX-Injected: smuggled\n\n.\n",
                m.headers()));
        return x;
    }

    private record Attempt(String field, String payload, MailFields fields) {
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<EmailTarget> mail = target.get(EmailTarget.class);
        if (mail.isEmpty()) {
            return ProbeOutcome.notRun("no email target configured");
        }
        List<String> failures = new ArrayList<>();
        int sends = 0;
        int refused = 0;
        int delivered = 0;
        try (LoopbackSmtp server = LoopbackSmtp.start()) {
            // Plain SMTP on loopback: injection does not depend on TLS, and the engine allows no TLS only there.
            SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(server.port()).tlsMode(TlsMode.NONE_LOOPBACK_ONLY).build();
            MailSender sender = mail.get().open(settings, mail.get().secrets());
            List<Attempt> attempts = new ArrayList<>();
            fields().forEach((field, build) -> payloads().forEach(p ->
                    attempts.add(new Attempt(field, "'" + Printable.of(p) + "'", build.apply(p)))));
            extras().forEach((label, fields) -> attempts.add(new Attempt(label, "", fields)));
            Map<String, List<String>> byField = new LinkedHashMap<>();
            for (Attempt a : attempts) {
                sends++;
                try {
                    sender.send(a.fields());
                } catch (RuntimeException e) {
                    refused++;
                }
                List<String> seen = Inspection.injected(server);
                delivered += server.deliveries().size();
                if (!seen.isEmpty()) {
                    byField.computeIfAbsent(a.field(), k -> new ArrayList<>())
                            .add((a.payload().isEmpty() ? "" : a.payload() + ": ") + String.join("; ", seen));
                }
                server.purge();
            }
            byField.forEach((field, hits) -> failures.add(field + ": " + hits.size() + " injections, e.g. " + hits.get(0)));
        }
        String action = "sent " + sends + " messages with CR/LF, address-list and smuggling payloads in "
                + fields().size() + " fields through " + mail.get().description() + " to a loopback SMTP server";
        List<String> evidence = new ArrayList<>();
        evidence.add(sends + " sends, " + refused + " refused, " + delivered + " copies delivered");
        if (failures.isEmpty()) {
            evidence.add("no injected header, no delivery to " + ATTACKER_DOMAIN);
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }
}
