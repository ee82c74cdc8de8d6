package dev.oktyv.probes.security.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.files.s3.S3StoreConfig;
import dev.oktyv.system.files.s3.S3rver;
import dev.oktyv.system.files.s3.S3rverExtension;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretNotFoundException;
import dev.oktyv.system.secret.SecretResolver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each S3 probe passes against the real S3FileStore on s3rver and fails against its weakened store. */
@ExtendWith(S3rverExtension.class)
class S3ProbesTest {

    static final SecretResolver VAULT = ref -> switch (ref.key()) {
        case "s3-access-key" -> Secret.of(S3rver.ACCESS_KEY);
        case "s3-secret-key" -> Secret.of(S3rver.SECRET_KEY);
        default -> throw new SecretNotFoundException(ref);
    };

    private final S3rver server;
    @TempDir
    Path scratch;

    S3ProbesTest(S3rver server) {
        this.server = server;
    }

    private S3StoreConfig config() {
        return S3StoreConfig.builder().endpoint(server.endpoint()).allowPlainHttpLoopback(true).pathStyle(true)
                .bucket(S3rver.BUCKET).prefix("unused").accessKeyId("vault:test/s3-access-key")
                .secretAccessKey("vault:test/s3-secret-key").multipart(5L << 20, 5L << 20).build();
    }

    private ProbeOutcome run(SecurityProbe probe, S3Target s3) throws Exception {
        return probe.run(SecurityTarget.builder().scratchDir(scratch).with(S3Target.class, s3).build());
    }

    private EngineS3Target real() {
        return new EngineS3Target(config(), VAULT);
    }

    @Test
    void withoutAnS3BackendTheProbesAreNotApplicable() throws Exception {
        for (SecurityProbe p : List.of(new S3KeyTraversalProbe(), new S3HttpsProbe(), new S3CredentialsProbe())) {
            assertThat(p.run(SecurityTarget.builder().scratchDir(scratch).build()).verdict())
                    .isEqualTo(ProbeVerdict.NOT_APPLICABLE);
        }
    }

    @Test
    void keyTraversalPassesOnTheRealStoreAndFailsWithThePrefixCheckOff() throws Exception {
        ProbeOutcome ok = run(new S3KeyTraversalProbe(), real());
        assertThat(ok.verdict()).as(ok.toString()).isEqualTo(ProbeVerdict.PASS);

        ProbeOutcome weak = run(new S3KeyTraversalProbe(), new WeakenedS3Targets.PrefixCheckOff(real()));
        assertThat(weak.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(String.join("\n", weak.evidence())).contains("reached the sentinel")
                .contains("'../outside/sentinel.txt'");
    }

    @Test
    void httpsPassesOnTheRealStoreAndFailsWhenPlainHttpIsAllowed() throws Exception {
        ProbeOutcome ok = run(new S3HttpsProbe(), real());
        assertThat(ok.verdict()).as(ok.toString()).isEqualTo(ProbeVerdict.PASS);
        assertThat(ok.evidence()).hasSize(S3HttpsProbe.PLAIN.size() + 1)
                .contains("a 307 from the endpoint was not followed (FileStoreException)");

        ProbeOutcome weak = run(new S3HttpsProbe(), new WeakenedS3Targets.PlainHttpAllowed(real(), config()));
        assertThat(weak.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(weak.evidence()).anyMatch(e -> e.contains("http://s3.oktyv-probe.invalid: accepted"));

        ProbeOutcome following = run(new S3HttpsProbe(), new WeakenedS3Targets.RedirectFollowing(real()));
        assertThat(following.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(following.evidence()).singleElement().asString()
                .startsWith("a 307 from the endpoint was followed: 1 request(s) arrived at the redirect target");
    }

    @Test
    void credentialsPassFromTheVaultAndFailFromAPlainProperty() throws Exception {
        ProbeOutcome ok = run(new S3CredentialsProbe(), real());
        assertThat(ok.verdict()).as(ok.toString()).isEqualTo(ProbeVerdict.PASS);

        try (WeakenedS3Targets.CredentialsFromProperties weakTarget =
                     new WeakenedS3Targets.CredentialsFromProperties(real())) {
            ProbeOutcome weak = run(new S3CredentialsProbe(), weakTarget);
            assertThat(weak.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(weak.evidence()).contains("a credential is configured other than as a vault: reference")
                    .anyMatch(e -> e.contains("system property aws.secretAccessKey"));
            assertThat(String.join("\n", weak.evidence())).doesNotContain(S3rver.SECRET_KEY);
        }
        assertThat(System.getProperty("aws.secretAccessKey")).isNull();
    }
}
