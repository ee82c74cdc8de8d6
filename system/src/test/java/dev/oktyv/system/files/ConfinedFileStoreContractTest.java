package dev.oktyv.system.files;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared {@link FileStoreContract} on the local, root-confined store. */
class ConfinedFileStoreContractTest extends FileStoreContract {

    @TempDir
    Path outside;

    @Override
    protected FileStore store(long maxFileSizeBytes) {
        return new ConfinedFileStore(FileStoreConfig.builder(outside.resolve("root"))
                .maxFileSizeBytes(maxFileSizeBytes).fsync(false).build());
    }

    @Override
    protected void plantSentinel() throws Exception {
        Files.write(outside.resolve("sentinel.txt"), SENTINEL);
    }

    @Override
    protected byte[] sentinelNow() throws Exception {
        Path p = outside.resolve("sentinel.txt");
        return Files.exists(p) ? Files.readAllBytes(p) : null;
    }
}
