package dev.oktyv.probes.recovery.crash;

import dev.oktyv.probes.recovery.Judgement;
import dev.oktyv.probes.recovery.RecoveryProbe;
import dev.oktyv.probes.recovery.RecoveryTargets;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.system.files.ConfinedFileStore;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM streams acknowledged vault {@code set}s and file-store writes and is SIGKILLed at {@link #kills}
 * random points. After each kill the vault must open without error, every acknowledged write must be present
 * and intact, and the write in flight must be either absent or whole (nothing torn).
 *
 * <p>What SIGKILL can and cannot show: it finds writes acknowledged before they left the process (buffered,
 * write-behind); it cannot find a missing fsync, because the kernel's page cache survives the process. Catching
 * that needs a power cut or a VM kill, which this probe does not attempt.
 */
public final class CrashSafetyProbe implements RecoveryProbe {

    /** The command's default; tests pass fewer. */
    public static final int DEFAULT_KILLS = 20;
    static final int MAX_ACKS_BEFORE_KILL = 25;
    private static final long CHILD_DEADLINE_SECONDS = 30;

    private final int kills;

    public CrashSafetyProbe() {
        this(DEFAULT_KILLS);
    }

    public CrashSafetyProbe(int kills) {
        if (kills < 1) {
            throw new IllegalArgumentException("kills must be >= 1, was " + kills);
        }
        this.kills = kills;
    }

    @Override
    public String id() {
        return "crash-safety";
    }

    @Override
    public String title() {
        return "Crash Safety";
    }

    @Override
    public ProbeOutcome run(RecoveryTargets targets) throws Exception {
        var target = targets.get(CrashTarget.class);
        if (target.isEmpty()) {
            return ProbeOutcome.notRun(id(), title(), "no crash target configured");
        }
        Path dir = Files.createTempDirectory(targets.scratchDir() == null || !Files.isDirectory(targets.scratchDir())
                ? Path.of(System.getProperty("java.io.tmpdir")) : targets.scratchDir(), "crash-safety");
        byte[] raw = new byte[16];
        new SecureRandom().nextBytes(raw);
        String passphrase = HexFormat.of().formatHex(raw);
        SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
        Judgement j = new Judgement();
        try {
            return probe(target.get(), dir, passphrase, random, j);
        } finally {
            DirectoryTree.delete(dir);
        }
    }

    private ProbeOutcome probe(CrashTarget target, Path dir, String passphrase, SplittableRandom random, Judgement j)
            throws Exception {
        long next = 0;
        int acknowledged = 0;
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= kills && problems.isEmpty(); k++) {
            int acksBeforeKill = 1 + random.nextInt(MAX_ACKS_BEFORE_KILL);
            long last = runAndKill(target.childMainClass(), dir, next, passphrase, acksBeforeKill);
            if (last < next) {
                problems.add("kill " + k + ": the child acknowledged nothing (it did not start)");
                break;
            }
            acknowledged += (int) (last - next + 1);
            verify(dir, passphrase, next, last, k).ifPresent(problems::add);
            next = last + 1;
        }
        j.require(problems.isEmpty(), "Vault+ConfinedFileStore", problems.isEmpty()
                ? kills + " SIGKILLs: vault opened every time, all " + acknowledged + " acknowledged writes intact"
                : problems.get(0));
        return j.outcome(this, kills + " SIGKILLs of a child JVM writing vault entries and files",
                "All " + acknowledged + " acknowledged writes survived " + kills + " SIGKILLs", Double.NaN,
                OptionalInt.empty());
    }

    /** Starts the child, waits for {@code acks} acknowledgements, SIGKILLs it; returns the last acknowledged index. */
    private static long runAndKill(String mainClass, Path dir, long first, String passphrase, int acks)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), mainClass, dir.toString(), Long.toString(first))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long last = first - 1;
        try (OutputStream in = child.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            in.write((passphrase + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            int seen = 0;
            for (String line; seen < acks && (line = out.readLine()) != null; ) {
                if (line.startsWith("ACK ")) {
                    last = Long.parseLong(line.substring(4).trim());
                    seen++;
                }
            }
        } finally {
            // destroyForcibly is SIGKILL on POSIX: no shutdown hooks, no finally blocks in the child.
            child.destroyForcibly();
            child.waitFor(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS);
        }
        return last;
    }

    private static Optional<String> verify(Path dir, String passphrase, long first, long last, int kill) {
        ConfinedFileStore files = CrashWorkload.files(dir);
        try (Vault vault = CrashWorkload.vaults(dir).open(CrashWorkload.VAULT, Secret.of(passphrase))) {
            for (long i = first; i <= last; i++) {
                Optional<String> value = vault.get(CrashWorkload.key(i)).map(Secret::revealAsString);
                if (!value.equals(Optional.of(CrashWorkload.value(i)))) {
                    return Optional.of("kill " + kill + ": acknowledged vault entry " + CrashWorkload.key(i)
                            + (value.isEmpty() ? " is missing" : " has the wrong value"));
                }
                if (!files.exists(CrashWorkload.file(i))
                        || !Arrays.equals(files.read(CrashWorkload.file(i)), CrashWorkload.content(i))) {
                    return Optional.of("kill " + kill + ": acknowledged file " + CrashWorkload.file(i)
                            + " is missing or torn");
                }
            }
            // The child kept writing after the acknowledgement the parent read: whatever it left must be whole.
            for (long i = last + 1; ; i++) {
                Optional<String> pending = vault.get(CrashWorkload.key(i)).map(Secret::revealAsString);
                boolean file = files.exists(CrashWorkload.file(i));
                if (pending.isEmpty() && !file) {
                    break;
                }
                if (pending.isPresent() && !pending.get().equals(CrashWorkload.value(i))) {
                    return Optional.of("kill " + kill + ": the in-flight vault entry " + CrashWorkload.key(i) + " is torn");
                }
                if (file && !Arrays.equals(files.read(CrashWorkload.file(i)), CrashWorkload.content(i))) {
                    return Optional.of("kill " + kill + ": the in-flight file " + CrashWorkload.file(i) + " is torn");
                }
            }
            return Optional.empty();
        } catch (VaultException e) {
            return Optional.of("kill " + kill + ": the vault did not open: " + e.getClass().getSimpleName());
        }
    }
}
