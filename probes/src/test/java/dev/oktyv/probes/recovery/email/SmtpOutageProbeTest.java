package dev.oktyv.probes.recovery.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.email.EmailSendException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SmtpOutageProbeTest {

    @Test
    void passesAgainstTheRealEngine() throws Exception {
        ProbeOutcome o = new SmtpOutageProbe().run(with(MailTarget.REAL));
        assertThat(o.verdict()).as(o.toString()).isEqualTo(ProbeVerdict.PASS);
    }

    /** "Fire and forget": a mailer that acknowledges a send it could not make, as a naive async queue would. */
    @Test
    void failsWhenFailuresAreSwallowed() throws Exception {
        MailTarget swallowing = settings -> {
            Mailer real = MailTarget.REAL.open(settings);
            return message -> {
                try {
                    real.send(message);
                } catch (EmailSendException e) {
                    // swallowed: the caller believes the message went out
                }
            };
        };
        ProbeOutcome o = new SmtpOutageProbe().run(with(swallowing));
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.summary()).contains("0 failed").contains("4 acknowledged but not received exactly once");
    }

    private static RecoveryTargets with(MailTarget target) {
        return RecoveryTargets.builder(Path.of("unused")).with(MailTarget.class, target).build();
    }
}
