package dev.oktyv.probes.security.file;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.Printable;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the traversal corpus ({@link TraversalPayloads}, plus symlinks inside the root that lead out) through every
 * operation of the store, in every argument that is a path. After each call: nothing outside the root changed, the
 * sentinel's content did not turn up inside the root, and nothing the call returned reveals the sentinel (its bytes,
 * its size, its hash, its name in a listing, its existence).
 */
public final class TraversalProbe implements SecurityProbe {

    @Override
    public String id() {
        return "file.traversal";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.FILE;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "No path, encoding or symlink lets a file operation reach outside the store's root";
    }

    @Override
    public String fix() {
        return "Resolve every path against the real root, refuse '..', absolute, encoded and NUL forms before any "
                + "file-system call, and open each component without following symlinks that leave the root";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<FileTarget> files = target.get(FileTarget.class);
        if (files.isEmpty()) {
            return ProbeOutcome.notRun("no file target configured");
        }
        Arena arena = Arena.create(target.scratchDir(), id());
        FileEngine engine = files.get().open(arena.root, FileLimits.small());
        String sentinelSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(arena.sentinelContent));
        String parent = arena.base.getFileName().toString();
        List<String> toFile = payloads("outside/sentinel.txt", arena, parent, "link-file", "link-out/sentinel.txt",
                "sub/link-up/sentinel.txt", "link-chain/sentinel.txt", "link-abs/sentinel.txt");
        List<String> toDir = payloads("outside", arena, parent, "link-out", "sub/link-up", "link-chain", "link-abs");
        List<String> toNew = payloads("outside/planted.txt", arena, parent, "link-out/planted.txt",
                "sub/link-up/planted.txt", "link-chain/planted.txt", "link-abs/planted.txt");
        List<String> toZip = payloads("outside/out.zip", arena, parent, "link-out/out.zip", "sub/link-up/out.zip",
                "link-chain/out.zip", "link-abs/out.zip");
        byte[] data = "planted by the traversal probe".getBytes(StandardCharsets.US_ASCII);

        List<Attack> attacks = List.of(
                new Attack("read", toFile, (e, p) -> e.read(p)),
                new Attack("write(bytes) over the sentinel", toFile, (e, p) -> { e.write(p, data); return null; }),
                new Attack("write(bytes) new file", toNew, (e, p) -> { e.write(p, data); return null; }),
                new Attack("write(stream)", toNew, (e, p) -> e.write(p, new ByteArrayInputStream(data))),
                new Attack("copy from", toFile, (e, p) -> e.copy(p, "stolen.txt")),
                new Attack("copy to", toNew, (e, p) -> e.copy("inside.txt", p)),
                new Attack("move from", toFile, (e, p) -> { e.move(p, "stolen.txt"); return null; }),
                new Attack("move to", toNew, (e, p) -> { e.move("inside.txt", p); return null; }),
                new Attack("delete", toFile, (e, p) -> e.delete(p)),
                new Attack("list", toDir, (e, p) -> e.list(p)),
                new Attack("stat", toFile, (e, p) -> e.size(p)),
                new Attack("exists", toFile, (e, p) -> e.exists(p)),
                new Attack("mkdir", toNew, (e, p) -> { e.mkdir(p); return null; }),
                new Attack("hash", toFile, (e, p) -> e.sha256(p)),
                new Attack("archive source", toDir, (e, p) -> e.archive(p, "stolen.zip")),
                new Attack("archive target", toZip, (e, p) -> e.archive("sub", p)),
                new Attack("extract source", toZip, (e, p) -> e.extract(p, "dest")),
                new Attack("extract target", toNew, (e, p) -> e.extract("in.zip", p)));

        List<String> escapes = new ArrayList<>();
        Map<String, List<String>> byOperation = new LinkedHashMap<>();
        int calls = 0;
        int refused = 0;
        for (Attack attack : attacks) {
            for (String payload : attack.payloads()) {
                RootSetup.reset(arena);
                calls++;
                Object result;
                try {
                    result = attack.call().run(engine, payload);
                } catch (RuntimeException e) {
                    refused++;
                    result = null;
                }
                List<String> seen = new ArrayList<>(arena.outsideChanges());
                seen.addAll(arena.sentinelInsideRoot());
                String revealed = reveals(result, arena, sentinelSha);
                if (revealed != null) {
                    seen.add(revealed);
                }
                if (!seen.isEmpty()) {
                    escapes.add(payload);
                    byOperation.computeIfAbsent(attack.name(), k -> new ArrayList<>())
                            .add("'" + Printable.of(payload) + "': " + String.join("; ", seen));
                    arena.restoreOutside();
                }
            }
        }
        int payloadCount = toFile.size();
        String action = "sent " + payloadCount + " traversal payloads (incl. 5 symlink escapes) through "
                + attacks.size() + " operations of " + files.get().description() + ": " + calls + " calls";
        List<String> evidence = new ArrayList<>();
        evidence.add(calls + " calls, " + refused + " refused with an exception, " + escapes.size() + " escaped");
        if (escapes.isEmpty()) {
            evidence.add("the sentinel outside the root is untouched and was never read, listed, hashed or stat-ed");
            return ProbeOutcome.pass(action, evidence);
        }
        // One line per operation that escaped, with its first escape: every weak operation shows, none floods.
        List<String> out = new ArrayList<>();
        byOperation.forEach((operation, hits) -> out.add(operation + ": " + hits.size() + " payloads escaped, e.g. "
                + hits.get(0)));
        out.addAll(evidence);
        return ProbeOutcome.fail(action, out);
    }

    private static List<String> payloads(String target, Arena arena, String parent, String... symlinkForms) {
        List<String> p = new ArrayList<>(TraversalPayloads.forTarget(target,
                arena.base.resolve(target).toString(), parent));
        p.addAll(List.of(symlinkForms));
        return p;
    }

    /** What a returned value gives away about the sentinel, or null. */
    private static String reveals(Object result, Arena arena, String sentinelSha) {
        if (result instanceof byte[] b && arena.isSentinel(b)) {
            return "returned the sentinel's content";
        }
        if (result instanceof Long size && size == arena.sentinelContent.length) {
            return "reported the sentinel's size";
        }
        if (result instanceof Boolean exists && exists) {
            return "reported that the sentinel exists";
        }
        if (result instanceof String hash && hash.equalsIgnoreCase(sentinelSha)) {
            return "returned the sentinel's SHA-256";
        }
        if (result instanceof List<?> names && names.contains("sentinel.txt")) {
            return "listed the directory that holds the sentinel";
        }
        return null;
    }


    @FunctionalInterface
    interface Call {
        Object run(FileEngine engine, String payload) throws RuntimeException;
    }

    record Attack(String name, List<String> payloads, Call call) {
    }

    /** Puts the root back to its starting content; plain file-system calls, not the store. */
    static final class RootSetup {
        private RootSetup() {
        }

        static void reset(Arena arena) throws IOException {
            Path root = arena.root;
            // The contents only: the store may hold the root directory open (openat-style confinement), and a
            // re-created root would be another directory than the one it confines to.
            try (java.util.stream.Stream<Path> children = Files.list(root)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    Arena.deleteTree(child);
                }
            }
            Files.createDirectories(root.resolve("sub"));
            Files.writeString(root.resolve("inside.txt"), "inside");
            Files.writeString(root.resolve("sub/keep.txt"), "keep");
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                    Files.newOutputStream(root.resolve("in.zip")))) {
                zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
                zip.write("hello".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            Files.createSymbolicLink(root.resolve("link-out"), Path.of("../outside"));
            Files.createSymbolicLink(root.resolve("link-file"), Path.of("../outside/sentinel.txt"));
            Files.createSymbolicLink(root.resolve("sub/link-up"), Path.of("../../outside"));
            Files.createSymbolicLink(root.resolve("link-chain"), Path.of("link-out"));
            Files.createSymbolicLink(root.resolve("link-abs"), arena.outside);
        }
    }
}
