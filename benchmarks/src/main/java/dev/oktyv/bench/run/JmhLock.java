package dev.oktyv.bench.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * JMH's machine-wide lock ({@code java.io.tmpdir/jmh.lock}), looked at before a run folder exists: JMH only finds
 * it taken inside {@code Runner.run}, which would leave a {@code failed} run folder for a run that never started.
 *
 * @param file    the lock file JMH uses
 * @param ignored {@code -Djmh.ignoreLock=true} was given, so JMH will not take the lock
 */
record JmhLock(Path file, boolean ignored) {

    /** The lock JMH's {@code Runner} in this JVM will take. */
    static JmhLock system() {
        return new JmhLock(Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock"), Boolean.getBoolean("jmh.ignoreLock"));
    }

    /**
     * Whether another JMH run holds the lock now. A lock file that cannot be opened is not reported here: JMH
     * reports that itself, with its own reason.
     */
    boolean heldElsewhere() {
        if (ignored || !Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM, e.g. a run in progress in the same process
        } catch (IOException e) {
            return false;
        }
    }

    /** The one line for the user: what is taken and where the override goes (a JVM property: before -jar). */
    String message() {
        return "another JMH run holds the lock " + file + "; wait for it to finish, or accept the interference with"
                + " 'java -Djmh.ignoreLock=true -jar oktyv-bench.jar run ...' (the -D goes before -jar)";
    }

    /** Whether JMH failed because it could not take its lock (its message names {@code -Djmh.ignoreLock}). */
    static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("jmh.ignoreLock")) {
                return true;
            }
        }
        return false;
    }
}
