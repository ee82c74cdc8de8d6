package dev.oktyv.probes.security.email;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.OutputCapture;
import dev.oktyv.probes.security.leak.SecretEncodings;
import dev.oktyv.probes.security.leak.Throwables;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.email.SmtpCredentials;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretReference;
import dev.oktyv.system.secret.SecretResolver;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The SMTP password comes from the vault and goes nowhere else: a login at a loopback server that knows only the
 * vault's value succeeds (so the engine really used the reference), a login with a wrong vault value fails, and
 * neither the settings' {@code toString()}, the failure's messages nor anything printed meanwhile contains a
 * password.
 */
public final class SmtpCredentialsProbe implements SecurityProbe {

    @Override
    public String id() {
        return "email.credentials";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.EMAIL;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "The SMTP password is resolved from the vault and appears in no message, log or toString()";
    }

    @Override
    public String fix() {
        return "Configure the SMTP password as vault:<vault>/<key>, resolve it per connection and keep it out of "
                + "exception messages";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<EmailTarget> mail = target.get(EmailTarget.class);
        if (mail.isEmpty()) {
            return ProbeOutcome.notRun("no email target configured");
        }
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        String right = "smtp-right-" + HexFormat.of().formatHex(b);
        String wrong = "smtp-wrong-" + HexFormat.of().formatHex(b);
        SecretReference ref = new SecretReference("mail", "smtp-password");
        SmtpCredentials login = mail.get().credentials().map(c -> new SmtpCredentials(LoopbackSmtp.LOGIN, c.password()))
                .orElse(new SmtpCredentials(LoopbackSmtp.LOGIN, ref));
        List<String> failures = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        StringBuilder said = new StringBuilder();
        String captured;
        try (LoopbackSmtp server = LoopbackSmtp.start(right); OutputCapture capture = OutputCapture.ignoring(
                "com.icegreen.greenmail")) {
            // GreenMail is the probe's own server: it logs the AUTH exchange it receives at debug level.
            SmtpSettings settings = SmtpSettings.builder("127.0.0.1").port(server.port())
                    .tlsMode(TlsMode.NONE_LOOPBACK_ONLY).credentials(login).build();
            said.append(settings).append('\n').append(login).append('\n');
            String good = attempt(mail.get(), settings, vault(login.password(), right), said);
            String bad = attempt(mail.get(), settings, vault(login.password(), wrong), said);
            int delivered = server.deliveries().size();
            evidence.add("login with the vault's password: " + good + "; with a wrong vault value: " + bad + "; "
                    + delivered + " copies delivered");
            if (delivered != 1 || !good.equals("sent")) {
                failures.add("the login did not use the vault's value (" + delivered + " deliveries, expected 1)");
            }
            captured = capture.text();
        }
        String all = captured + "\n" + said;
        for (String p : List.of(right, wrong)) {
            for (String encoding : SecretEncodings.of(p).find(all)) {
                failures.add("a password appears in settings, messages or output as " + encoding);
            }
        }
        String action = "sent through " + mail.get().description() + " with the password from a vault reference ("
                + login.password() + "), once right and once wrong, capturing messages and output";
        if (failures.isEmpty()) {
            evidence.add("no password in toString(), exception messages or printed output");
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static SecretResolver vault(SecretReference expected, String value) {
        return ref -> {
            if (!ref.equals(expected)) {
                throw new dev.oktyv.system.secret.SecretNotFoundException(ref);
            }
            return Secret.of(value);
        };
    }

    private static String attempt(EmailTarget mail, SmtpSettings settings, SecretResolver vault, StringBuilder said) {
        try {
            mail.open(settings, vault).send(MailFields.plain());
            return "sent";
        } catch (RuntimeException e) {
            said.append(Throwables.describe(e)).append('\n');
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            said.append(trace).append('\n');
            return "refused (" + e.getClass().getSimpleName() + ")";
        }
    }
}
