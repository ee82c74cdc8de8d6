package dev.oktyv.probes.recovery.crash;

/**
 * The child program the crash-safety probe kills: a class with a {@code main(dir, firstIndex)} that reads the
 * passphrase from stdin and prints {@code READY}, then {@code ACK i} after each acknowledged write of
 * {@link CrashWorkload}. Tests register a weakened child (one that acknowledges before writing).
 */
@FunctionalInterface
public interface CrashTarget {

    CrashTarget REAL = () -> CrashWriterChild.class.getName();

    String childMainClass();
}
