package dev.oktyv.system.files.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.files.PathOutsideRootException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S3StoreConfigTest {

    private static S3StoreConfig.Builder valid() {
        return S3StoreConfig.builder().bucket("my-bucket").prefix("team/files")
                .accessKeyId("vault:prod/s3-id").secretAccessKey("vault:prod/s3-secret");
    }

    @Test
    void defaultsAreValidAndThePrefixIsNormalised() {
        S3StoreConfig c = valid().prefix("./team//files/").build();
        assertThat(c.prefix()).isEqualTo("team/files/");
        assertThat(c.endpoint()).isEmpty();
        assertThat(c.apiCallAttemptTimeout()).isLessThanOrEqualTo(c.apiCallTimeout());
    }

    @Test
    void httpsIsRequiredExceptForExplicitlyAllowedLoopback() {
        assertThat(valid().endpoint(URI.create("https://s3.example.com")).build().endpoint()).isPresent();
        assertThatThrownBy(() -> valid().endpoint(URI.create("http://s3.example.com")).build())
                .hasMessageContaining("plain http is not allowed");
        assertThatThrownBy(() -> valid().endpoint(URI.create("http://127.0.0.1:9000")).build())
                .hasMessageContaining("allowPlainHttpLoopback(true)");
        assertThatThrownBy(() -> valid().endpoint(URI.create("http://localhost:9000")).allowPlainHttpLoopback(true)
                .build()).as("a name is not a loopback address").hasMessageContaining("plain http is not allowed");
        assertThatThrownBy(() -> valid().endpoint(URI.create("ftp://127.0.0.1")).allowPlainHttpLoopback(true).build())
                .hasMessageContaining("only https");
        assertThat(valid().endpoint(URI.create("http://127.0.0.1:9000")).allowPlainHttpLoopback(true).build()
                .endpoint()).isPresent();
    }

    @Test
    void credentialsAreVaultReferencesOnlyAndALiteralIsNeverEchoed() {
        String literal = "AKIAIOSFODNN7EXAMPLE";
        assertThatThrownBy(() -> valid().accessKeyId(literal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeyId must be a vault reference")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(literal));
        assertThatThrownBy(() -> valid().secretAccessKey("wJalrXUtnFEMI/K7MDENG")).hasMessageNotContaining("wJalr");
        assertThatThrownBy(() -> S3StoreConfig.builder().bucket("b-1").prefix("p").build())
                .isInstanceOf(NullPointerException.class).hasMessage("accessKeyId");
        String user = "https://AKIAIOSFODNN7EXAMPLE:secret@s3.example.com";
        assertThatThrownBy(() -> valid().endpoint(URI.create(user)).build())
                .hasMessageContaining("must not carry user info")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AKIA").doesNotContain("secret@"));
        assertThat(valid().build().toString()).contains("vault:prod/s3-id").doesNotContain("AKIA");
    }

    @Test
    void thePrefixIsScreenedLikeAnyPath() {
        for (String bad : new String[] {"", "../other", "/abs", "a/../..", "%2e%2e/x", "a\\b", ".", "a/.."}) {
            assertThatThrownBy(() -> valid().prefix(bad).build()).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new S3Keys("p/").key("../x")).isInstanceOf(PathOutsideRootException.class);
        assertThat(new S3Keys("p/").key("a/./b/../c")).isEqualTo("p/a/c");
    }

    @Test
    void limitsAndTimeoutsAreChecked() {
        assertThatThrownBy(() -> valid().multipart(1 << 20, 1 << 20).build()).hasMessageContaining("partSizeBytes");
        assertThatThrownBy(() -> valid().multipart(5L << 20, 6L << 20).build())
                .hasMessageContaining("multipartThresholdBytes");
        assertThatThrownBy(() -> valid().maxFileSizeBytes(0).build()).hasMessageContaining("maxFileSizeBytes");
        assertThatThrownBy(() -> valid().timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).build())
                .hasMessageContaining("apiCallAttemptTimeout");
        assertThatThrownBy(() -> valid().timeouts(Duration.ZERO, Duration.ZERO).build())
                .hasMessageContaining("apiCallTimeout must be positive");
        assertThatThrownBy(() -> valid().maxAttempts(0).build()).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> valid().sse("rot13").build()).hasMessageContaining("sse 'rot13'");
        assertThatThrownBy(() -> valid().bucket("Bad_Bucket").build()).hasMessageContaining("bucket 'Bad_Bucket'");
    }
}
