package dev.oktyv.system.files.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.files.FileStoreException;
import dev.oktyv.system.files.FileTooLargeException;
import dev.oktyv.system.secret.SecretNotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** What only the S3 backend has: multipart uploads and their abort, server-side encryption, vault failures. */
@ExtendWith(S3rverExtension.class)
class S3FileStoreS3Test {

    private final S3rver server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String prefix;
    private S3Client raw;

    S3FileStoreS3Test(S3rver server) {
        this.server = server;
    }

    @BeforeEach
    void setUp() {
        prefix = "s3test/" + UUID.randomUUID() + "/";
        raw = S3Clients.build(S3FileStoreContractTest.config(server, prefix).build(), S3FileStoreContractTest.VAULT);
    }

    @AfterEach
    void tearDown() {
        raw.close();
    }

    private long keysUnderPrefix() {
        return raw.listObjectsV2(l -> l.bucket(S3rver.BUCKET).prefix(prefix)).keyCount();
    }

    /** s3rver implements neither ListMultipartUploads nor AbortMultipartUpload, so the requests are observed. */
    private S3FileStore recording(S3StoreConfig config) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request().getClass().getSimpleName().replace("Request", ""));
            }
        };
        return new S3FileStore(config, S3Clients.build(config, S3FileStoreContractTest.VAULT, List.of(recorder)));
    }

    private void assertAbortedNotCompleted() {
        assertThat(requests).contains("CreateMultipartUpload", "UploadPart", "AbortMultipartUpload")
                .doesNotContain("CompleteMultipartUpload");
        assertThat(requests.get(requests.size() - 1)).isEqualTo("AbortMultipartUpload");
    }

    @Test
    void aStreamThatFailsMidwayAbortsTheMultipartUploadAndLeavesNoObject() {
        byte[] seven = new byte[7 << 20];
        new Random(1).nextBytes(seven);
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(seven), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk went away");
            }
        });
        try (S3FileStore store = recording(S3FileStoreContractTest.config(server, prefix).build())) {
            assertThatThrownBy(() -> store.write("broken.bin", failing)).isInstanceOf(FileStoreException.class)
                    .hasMessageContaining("'broken.bin'");
            assertAbortedNotCompleted();
            assertThat(store.exists("broken.bin")).isFalse();
        }
        assertThat(keysUnderPrefix()).isZero();
    }

    @Test
    void passingTheSizeLimitInTheMiddleOfAMultipartUploadAbortsIt() {
        try (S3FileStore store = recording(S3FileStoreContractTest.config(server, prefix)
                .maxFileSizeBytes(11L << 20).build())) {
            assertThatThrownBy(() -> store.write("big.bin", new ByteArrayInputStream(new byte[16 << 20])))
                    .isInstanceOf(FileTooLargeException.class);
            assertAbortedNotCompleted();
            assertThat(requests.stream().filter(r -> r.equals("UploadPart"))).as("two 5 MiB parts, not the third")
                    .hasSize(2);
        }
        assertThat(keysUnderPrefix()).isZero();
    }

    @Test
    void serverSideEncryptionIsRequestedOnWritesAndCopies() {
        try (S3FileStore store = new S3FileStore(S3FileStoreContractTest.config(server, prefix).sse("AES256").build(),
                S3FileStoreContractTest.VAULT)) {
            store.write("enc.bin", new byte[] {1, 2, 3});
            store.copy("enc.bin", "enc-copy.bin");
            assertThat(store.read("enc-copy.bin")).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aMissingVaultKeyFailsTheCallNamingTheReferenceOnly() {
        S3StoreConfig config = S3FileStoreContractTest.config(server, prefix).accessKeyId("vault:test/absent").build();
        try (S3FileStore store = new S3FileStore(config, S3FileStoreContractTest.VAULT)) {
            assertThatThrownBy(() -> store.write("x.bin", new byte[1]))
                    .isInstanceOf(SecretNotFoundException.class)
                    .hasMessageContaining("vault:test/absent")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(S3rver.SECRET_KEY));
        }
        assertThat(keysUnderPrefix()).as("no request went out unsigned").isZero();
    }
}
