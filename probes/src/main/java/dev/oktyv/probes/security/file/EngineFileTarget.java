package dev.oktyv.probes.security.file;

import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.files.FileEntry;
import dev.oktyv.system.files.FileStoreConfig;
import dev.oktyv.system.files.HashAlgorithm;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The real File engine, {@link ConfinedFileStore}, with the engine's defaults apart from the probe's limits. */
public final class EngineFileTarget implements FileTarget {

    @Override
    public String description() {
        return "oktyv file engine (ConfinedFileStore)";
    }

    @Override
    public FileEngine open(Path root, FileLimits limits) {
        ConfinedFileStore store = new ConfinedFileStore(FileStoreConfig.builder(root)
                .maxFileSizeBytes(limits.maxFileSizeBytes()).maxZipEntries(limits.maxZipEntries())
                .maxZipTotalBytes(limits.maxZipTotalBytes()).build());
        return new Store(store);
    }

    private record Store(ConfinedFileStore store) implements FileEngine {
        @Override
        public byte[] read(String path) {
            return store.read(path);
        }

        @Override
        public void write(String path, byte[] data) {
            store.write(path, data);
        }

        @Override
        public long write(String path, InputStream data) {
            return store.write(path, data);
        }

        @Override
        public long copy(String from, String to) {
            return store.copy(from, to);
        }

        @Override
        public void move(String from, String to) {
            store.move(from, to);
        }

        @Override
        public boolean delete(String path) {
            return store.delete(path);
        }

        @Override
        public List<String> list(String dir) {
            return store.list(dir).stream().map(FileEntry::name).toList();
        }

        @Override
        public long size(String path) {
            return store.stat(path).sizeBytes();
        }

        @Override
        public boolean exists(String path) {
            return store.exists(path);
        }

        @Override
        public void mkdir(String path) {
            store.mkdir(path);
        }

        @Override
        public String sha256(String path) {
            return store.hash(path, HashAlgorithm.SHA_256).hex();
        }

        @Override
        public int archive(String sourceDir, String zipPath) {
            return store.archive(sourceDir, zipPath);
        }

        @Override
        public int extract(String zipPath, String destDir) {
            return store.extract(zipPath, destDir);
        }
    }
}
