package dev.oktyv.system.files.s3;

import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.files.FileStoreContract;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretResolver;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The shared {@link FileStoreContract} on {@link S3FileStore} against a real S3-compatible server (s3rver). Each
 * test gets its own prefix {@code contract/<uuid>/store/}; the sentinel is {@code contract/<uuid>/sentinel.txt},
 * exactly where {@code ../sentinel.txt} would land if confinement failed. Parts are S3's minimum 5 MiB, so the
 * "large" write of the contract is a three-part multipart upload.
 */
@ExtendWith(S3rverExtension.class)
class S3FileStoreContractTest extends FileStoreContract {

    static final SecretResolver VAULT = ref -> switch (ref.key()) {
        case "s3-access-key" -> Secret.of(S3rver.ACCESS_KEY);
        case "s3-secret-key" -> Secret.of(S3rver.SECRET_KEY);
        default -> throw new dev.oktyv.system.secret.SecretNotFoundException(ref);
    };

    private final S3rver server;
    private String base;
    private S3FileStore store;
    private S3Client raw;

    S3FileStoreContractTest(S3rver server) {
        this.server = server;
    }

    static S3StoreConfig.Builder config(S3rver server, String prefix) {
        return S3StoreConfig.builder().endpoint(server.endpoint()).allowPlainHttpLoopback(true).pathStyle(true)
                .bucket(S3rver.BUCKET).prefix(prefix)
                .accessKeyId("vault:test/s3-access-key").secretAccessKey("vault:test/s3-secret-key")
                .multipart(5L << 20, 5L << 20);
    }

    @BeforeEach
    void setUp() {
        base = "contract/" + UUID.randomUUID() + "/";
        raw = S3Clients.build(config(server, base).build(), VAULT);
    }

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.close();
        }
        raw.close();
    }

    @Override
    protected FileStore store(long maxFileSizeBytes) {
        store = new S3FileStore(config(server, base + "store").maxFileSizeBytes(maxFileSizeBytes).build(), VAULT);
        return store;
    }

    @Override
    protected int largeSize() {
        return (12 << 20) + 12345;
    }

    @Override
    protected void plantSentinel() {
        raw.putObject(p -> p.bucket(S3rver.BUCKET).key(base + "sentinel.txt"), RequestBody.fromBytes(SENTINEL));
    }

    @Override
    protected byte[] sentinelNow() {
        try {
            return raw.getObjectAsBytes(g -> g.bucket(S3rver.BUCKET).key(base + "sentinel.txt")).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }
}
