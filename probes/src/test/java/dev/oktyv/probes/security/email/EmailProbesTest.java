package dev.oktyv.probes.security.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.email.SmtpCredentials;
import dev.oktyv.system.email.SmtpSettings;
import dev.oktyv.system.email.TlsMode;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretResolver;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailProbesTest {

    @TempDir
    Path scratch;

    private SecurityTarget target(EmailTarget mail) {
        return SecurityTarget.builder().with(EmailTarget.class, mail).scratchDir(scratch).build();
    }

    /** The real engine's settings, any sender. */
    private static EmailTarget withSender(String description, TlsMode mode,
                                          java.util.function.BiFunction<SmtpSettings, SecretResolver, MailSender> open) {
        EngineEmailTarget real = EngineEmailTarget.defaults();
        return new EmailTarget() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public TlsMode tlsMode() {
                return mode;
            }

            @Override
            public Optional<SmtpCredentials> credentials() {
                return Optional.empty();
            }

            @Override
            public SecretResolver secrets() {
                return real.secrets();
            }

            @Override
            public MailSender open(SmtpSettings settings, SecretResolver secrets) {
                return open.apply(settings, secrets);
            }
        };
    }

    @Test
    void headerInjectionPassesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new HeaderInjectionProbe().run(target(EngineEmailTarget.defaults()));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence().get(0)).startsWith("150 sends, ");
    }

    @Test
    void headerInjectionFailsAgainstASenderWithoutTheCrLfCheck() throws Exception {
        ProbeOutcome outcome = new HeaderInjectionProbe().run(target(withSender("mailer without CR/LF checks",
                TlsMode.STARTTLS_REQUIRED, (settings, secrets) -> new RawMimeSender(settings))));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("subject: ")
                .contains("address header 'Bcc: attacker@evil.example' arrived"));
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("to 'victim@oktyv.test, attacker@")
                .contains("delivered to attacker@evil.example (envelope recipient)"));
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("custom header name: ")
                .contains("header 'X-Injected: yes: v' arrived"));
    }

    @Test
    void startTlsPassesAgainstTheEngineDefault() throws Exception {
        ProbeOutcome outcome = new StartTlsRequiredProbe().run(target(EngineEmailTarget.defaults()));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence().get(0)).startsWith("TLS mode STARTTLS_REQUIRED: the send failed")
                .endsWith(", 0 copies delivered in plaintext");
    }

    @Test
    void startTlsFailsAgainstAMailerWithoutTls() throws Exception {
        EngineEmailTarget plain = new EngineEmailTarget(TlsMode.NONE_LOOPBACK_ONLY, Optional.empty(),
                EngineEmailTarget.defaults().secrets());

        ProbeOutcome outcome = new StartTlsRequiredProbe().run(target(plain));

        assertThat(outcome.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence().get(0)).isEqualTo(
                "TLS mode NONE_LOOPBACK_ONLY: the send succeeded, 1 copies delivered in plaintext");
    }

    @Test
    void credentialsPassAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new SmtpCredentialsProbe().run(target(EngineEmailTarget.defaults()));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence().get(0)).isEqualTo("login with the vault's password: sent; with a wrong vault "
                + "value: refused (EmailSendException); 1 copies delivered");
    }

    /** The real engine behind a wrapper whose error message names the password it tried. */
    @Test
    void credentialsFailAgainstAMailerThatPutsThePasswordInItsError() throws Exception {
        EngineEmailTarget real = EngineEmailTarget.defaults();
        EmailTarget leaky = withSender("mailer that reports the password it tried", TlsMode.NONE_LOOPBACK_ONLY,
                (settings, secrets) -> fields -> {
                    try {
                        real.open(settings, secrets).send(fields);
                    } catch (RuntimeException e) {
                        try (Secret tried = secrets.resolve(settings.credentials().orElseThrow().password())) {
                            throw new IllegalStateException("login as mailer with password " + tried.revealAsString()
                                    + " failed", e);
                        }
                    }
                });

        ProbeOutcome outcome = new SmtpCredentialsProbe().run(target(leaky));

        assertThat(outcome.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).contains("a password appears in settings, messages or output as plain UTF-8");
    }

    @Test
    void aMissingVaultKeyIsNotSent() {
        SecretResolver none = EngineEmailTarget.defaults().secrets();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> none.resolve(
                new dev.oktyv.system.secret.SecretReference("mail", "x")))).isInstanceOf(SecretNotFoundException.class);
    }
}
