package dev.oktyv.system.files.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.service.ApiException;
import dev.oktyv.system.service.adapters.FileStoreBackend;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service's file routes on S3: the same 404, 403 and 413 answers as on the local store, and no bucket URL. */
@ExtendWith(S3rverExtension.class)
class S3FileRoutesBackendTest {

    private final S3rver server;

    S3FileRoutesBackendTest(S3rver server) {
        this.server = server;
    }

    @Test
    void theFileRoutesBackendAnswersAlikeOnS3() {
        String prefix = "routes/" + UUID.randomUUID();
        try (S3FileStore store = new S3FileStore(S3FileStoreContractTest.config(server, prefix).maxFileSizeBytes(4)
                .build(), S3FileStoreContractTest.VAULT)) {
            FileStoreBackend files = new FileStoreBackend(store);
            files.write("a/b.txt", new byte[] {1, 2});
            assertThat(files.read("a/b.txt")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
            assertThat(files.read("a/none.txt")).as("missing object is 404, not 500").isEmpty();
            assertThatThrownBy(() -> files.read("../x.txt")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(403));
            assertThatThrownBy(() -> files.write("big.bin", new byte[5])).isInstanceOfSatisfying(ApiException.class,
                    e -> {
                        assertThat(e.status()).isEqualTo(413);
                        assertThat(e.getMessage()).doesNotContain(server.endpoint().toString());
                    });
            assertThat(store.exists("big.bin")).isFalse();
        }
    }
}
