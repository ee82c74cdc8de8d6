package dev.oktyv.probes.security.file;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded time-of-check/time-of-use race: inside the root, {@code race} is a symlink flipped as fast as possible
 * between a directory inside the root and the directory outside that holds the sentinel, while a reader reads and a
 * writer writes through it. A store that checks the path and then opens it separately sooner or later reads the
 * sentinel or writes outside; one that opens each component without following links that leave the root never does.
 */
public final class SymlinkRaceProbe implements SecurityProbe {

    static final Duration DEFAULT_DURATION = Duration.ofSeconds(3);
    static final int MIN_FLIPS = 200;
    private final Duration duration;

    public SymlinkRaceProbe() {
        this(DEFAULT_DURATION);
    }

    SymlinkRaceProbe(Duration duration) {
        this.duration = duration;
    }

    @Override
    public String id() {
        return "file.symlink-race";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.FILE;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "A symlink flipped during reads and writes never lets the store reach outside its root";
    }

    @Override
    public String fix() {
        return "Open paths component by component from an open root directory with O_NOFOLLOW (SecureDirectoryStream),"
                + " never check-then-open by name";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<FileTarget> files = target.get(FileTarget.class);
        if (files.isEmpty()) {
            return ProbeOutcome.notRun("no file target configured");
        }
        Arena arena = Arena.create(target.scratchDir(), id());
        FileEngine engine = files.get().open(arena.root, FileLimits.small());
        Path inside = arena.root.resolve("race-real");
        Files.createDirectories(inside);
        Files.writeString(inside.resolve("sentinel.txt"), "inside, harmless");
        Path link = arena.root.resolve("race");
        Files.createSymbolicLink(link, Path.of("race-real"));

        ConcurrentLinkedQueue<String> escapes = new ConcurrentLinkedQueue<>();
        AtomicLong flips = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        byte[] data = "written through the race".getBytes(StandardCharsets.US_ASCII);
        Thread flipper = new Thread(() -> {
            Path temp = arena.root.resolve("race.flip");
            boolean out = false;
            // The deadline starts when the flipper does, and a minimum of flips holds even on a starved machine.
            long deadline = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < deadline || flips.get() < MIN_FLIPS) {
                try {
                    Files.deleteIfExists(temp);
                    Files.createSymbolicLink(temp, out ? Path.of("race-real") : Path.of("../outside"));
                    Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    out = !out;
                    flips.incrementAndGet();
                } catch (Exception e) {
                    escapes.add("the flipper failed: " + e);
                    break;
                }
            }
            done.set(true);
        }, "symlink-race-flipper");
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    byte[] got = engine.read("race/sentinel.txt");
                    reads.incrementAndGet();
                    if (arena.isSentinel(got)) {
                        escapes.add("read('race/sentinel.txt') returned the sentinel's content");
                        return;
                    }
                } catch (RuntimeException refused) {
                    // refused while the link pointed outside: the right answer
                }
            }
        }, "symlink-race-reader");
        Thread writer = new Thread(() -> {
            while (!done.get()) {
                try {
                    engine.write("race/written.txt", data);
                    writes.incrementAndGet();
                } catch (RuntimeException refused) {
                    // refused while the link pointed outside
                }
            }
        }, "symlink-race-writer");
        flipper.start();
        reader.start();
        writer.start();
        long joinMillis = duration.toMillis() + 30_000;
        for (Thread t : List.of(flipper, reader, writer)) {
            t.join(joinMillis);
        }
        List<String> outsideChanges = arena.outsideChanges();
        String action = "flipped a symlink inside the root between an inside directory and the sentinel's directory for "
                + duration.toMillis() + " ms while reading and writing through it with " + files.get().description();
        List<String> evidence = new ArrayList<>();
        evidence.add(flips.get() + " flips, " + reads.get() + " successful reads, " + writes.get()
                + " successful writes");
        List<String> failures = new ArrayList<>(escapes);
        outsideChanges.forEach(c -> failures.add("outside the root: " + c));
        if (flips.get() < MIN_FLIPS) {
            failures.add("only " + flips.get() + " flips: the race was not exercised");
        }
        if (failures.isEmpty()) {
            evidence.add("nothing outside the root was read or written");
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }
}
