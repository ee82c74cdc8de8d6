package dev.oktyv.probes.security.s3;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.file.TraversalPayloads;
import dev.oktyv.probes.security.leak.Printable;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.files.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Sends the file probes' traversal corpus, aimed at a sentinel object just outside the store's prefix, through
 * write, read, copy, delete, stat and hash. Every call must be refused, and afterwards the sentinel must still be
 * there, byte for byte.
 */
public final class S3KeyTraversalProbe extends S3Probe {

    @Override
    public String id() {
        return "file.s3-key-traversal";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "No key, encoding or '..' lets an S3 store read, write or delete outside its prefix";
    }

    @Override
    public String fix() {
        return "Screen every path with the local store's traversal check and normalise it before prefixing the key";
    }

    @Override
    ProbeOutcome attack(S3Target s3, String base) throws Exception {
        byte[] sentinel = ("sentinel of " + base).getBytes(StandardCharsets.UTF_8);
        FileStore parent = s3.open(Optional.empty(), base);
        FileStore store = s3.open(Optional.empty(), base + "store/");
        try {
            parent.write("outside/sentinel.txt", sentinel);
            store.write("inside.txt", new byte[] {1});
            byte[] planted = "planted by the S3 traversal probe".getBytes(StandardCharsets.US_ASCII);
            List<String> payloads = TraversalPayloads.forTarget("outside/sentinel.txt", "/outside/sentinel.txt",
                    "store");
            String sentinelSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sentinel));
            List<Attack> attacks = List.of(
                    new Attack("write", (s, p) -> { s.write(p, planted); return null; }),
                    new Attack("read", (s, p) -> s.read(p)),
                    new Attack("copy from", (s, p) -> {
                        s.delete("stolen.txt");
                        s.copy(p, "stolen.txt");
                        return s.read("stolen.txt");
                    }),
                    new Attack("copy to", (s, p) -> s.copy("inside.txt", p)),
                    new Attack("hash", (s, p) -> s.hash(p, HashAlgorithm.SHA_256).hex()),
                    new Attack("delete", (s, p) -> s.delete(p)));
            // Judged by effect, as the file traversal probe does: a harmless look-alike ("....//x") may be
            // accepted as a literal key inside the prefix; reaching the sentinel is what must never happen.
            List<String> escapes = new ArrayList<>();
            int calls = 0;
            for (Attack a : attacks) {
                for (String payload : payloads) {
                    calls++;
                    Object result;
                    try {
                        result = a.call().apply(store, payload);
                    } catch (RuntimeException refused) {
                        result = null;
                    }
                    boolean revealed = result instanceof byte[] b && Arrays.equals(b, sentinel)
                            || sentinelSha.equals(result);
                    boolean changed = !intact(parent, sentinel);
                    if (revealed || changed) {
                        escapes.add(a.name() + " '" + Printable.of(payload) + "' "
                                + (changed ? "changed or deleted the sentinel" : "returned the sentinel's content"));
                        parent.write("outside/sentinel.txt", sentinel);
                    }
                }
            }
            List<String> evidence = new ArrayList<>();
            String action = "sent " + payloads.size() + " traversal keys through " + attacks.size()
                    + " operations of " + s3.description() + ": " + calls + " calls";
            if (escapes.isEmpty()) {
                return ProbeOutcome.pass(action, List.of(calls + " calls, none reached the sentinel",
                        "the sentinel object outside the prefix is unchanged and was never returned"));
            }
            evidence.add(escapes.size() + " of " + calls + " calls reached the sentinel outside the prefix");
            evidence.addAll(escapes.subList(0, Math.min(5, escapes.size())));
            return ProbeOutcome.fail(action, evidence);
        } finally {
            try {
                parent.delete("outside/sentinel.txt");
                store.delete("inside.txt");
                store.delete("stolen.txt");
            } finally {
                close(store);
                close(parent);
            }
        }
    }

    private static boolean intact(FileStore parent, byte[] sentinel) {
        try {
            return Arrays.equals(parent.read("outside/sentinel.txt"), sentinel);
        } catch (RuntimeException gone) {
            return false;
        }
    }

    private record Attack(String name, BiFunction<FileStore, String, Object> call) {
    }
}
