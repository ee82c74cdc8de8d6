package dev.oktyv.system.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion for one vault: a JVM-wide {@link ReentrantLock} per lock file, then an exclusive
 * {@link FileLock} on {@code <vault>.lock} for other processes.
 *
 * <p>Why both: a JVM may hold only one FileLock per file (a second one throws
 * OverlappingFileLockException), and on Linux closing <em>any</em> descriptor of a file drops the process's
 * locks on it, so several Vault instances of one vault in one JVM must take turns before touching the
 * FileLock, and a channel is closed only while the in-process lock is held.
 *
 * <p>Why a separate lock file: the vault file itself is replaced by rename on compaction, and a lock on the
 * replaced inode would protect nothing. The lock file is never deleted (not even by deleteVault) because a
 * waiter could lock the deleted inode while a newcomer creates and locks a fresh one.
 */
final class VaultLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock local;
    private FileChannel channel;

    VaultLock(Path lockFile) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.local = IN_PROCESS.computeIfAbsent(this.lockFile, p -> new ReentrantLock());
    }

    /** Held lock; closing it releases both levels. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    Held acquire() throws IOException {
        local.lock();
        try {
            if (channel == null || !channel.isOpen()) {
                channel = DurableFiles.openPrivate(lockFile);
            }
            FileLock fileLock = channel.lock();
            return () -> {
                try {
                    fileLock.release();
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        local.lock();
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            local.unlock();
        }
    }
}
