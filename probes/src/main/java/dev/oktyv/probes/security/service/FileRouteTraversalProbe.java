package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.file.TraversalPayloads;
import dev.oktyv.results.DirectoryTree;
import dev.oktyv.results.security.Severity;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Path traversal through the service's file routes, over HTTP: the file probe's corpus, aimed at {@code /etc/passwd}
 * from twelve levels down (deeper than any root), in {@code GET /files/{path}}, and aimed at a fresh name in
 * {@code /tmp} in {@code PUT /files/{path}}. No GET may answer 2xx with a password file in its body. No PUT may land
 * outside the root: seen through a plain-climb GET of the same name, and, when the service runs on this machine
 * (loopback), in {@code /tmp} itself. A PUT the service accepts under a literal name inside its root (a payload that
 * is only a strange file name after one decoding) is not an escape. A file written first at a plain path must read
 * back, so a service whose file routes are off cannot pass.
 */
public final class FileRouteTraversalProbe extends ServiceProbe {

    /** Deeper than any deployment's root is below {@code /}. */
    static final String CLIMB = "../".repeat(11);
    /** What a Unix password file always holds. */
    static final String PASSWD_MARKER = "root:x:0:0:";

    @Override
    public String id() {
        return "service.file-traversal";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "No path in the file routes reads or writes outside the file store's root";
    }

    @Override
    public String fix() {
        return "Refuse dot segments, encoded separators, absolute and NUL forms in /files/ paths before the engine,"
                + " and keep the engine's root confinement as the second line";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        List<String> auth = List.of(bearer(service));
        byte[] r = new byte[8];
        new SecureRandom().nextBytes(r);
        String marker = "oktyv-traversal-" + HexFormat.of().formatHex(r);
        String plain = "/files/oktyv-probe/" + marker + ".txt";
        RawResponse put = http.send("PUT", plain, auth, marker.getBytes(StandardCharsets.UTF_8));
        RawResponse back = http.get(plain, auth);
        if (put.status() / 100 != 2 || back.status() != 200 || !back.bodyText().equals(marker)) {
            return ProbeOutcome.notRun("a plain PUT/GET of " + plain + " answered " + put.status() + "/"
                    + back.status() + ", so the file routes cannot be attacked; are they enabled?");
        }
        List<String> payloads = TraversalPayloads.forTarget(CLIMB + "etc/passwd", "/etc/passwd", "oktyv");
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < payloads.size(); i++) {
            String path = "/files/" + requestTarget(payloads.get(i));
            RawResponse get = http.get(path, auth);
            boolean leaked = get.status() / 100 == 2 && get.bodyText().contains(PASSWD_MARKER);
            // The "-x" ends the number, so no other payload's name starts with this one's.
            String name = marker + "-" + i + "-x";
            List<String> puts = TraversalPayloads.forTarget(CLIMB + "tmp/" + name, "/tmp/" + name, "oktyv");
            RawResponse write = http.send("PUT", "/files/" + requestTarget(puts.get(i)), auth,
                    name.getBytes(StandardCharsets.UTF_8));
            boolean written = write.status() / 100 == 2 && landedOutside(http, auth, name);
            if (leaked) {
                failures.add("payload #" + i + ": GET answered " + get.status() + " with a password file");
            }
            if (written) {
                failures.add("payload #" + i + ": PUT answered " + write.status() + " and the file landed outside the"
                        + " root, in /tmp");
            }
            if (!leaked && !written) {
                refused++;
            }
        }
        String action = "GET of " + payloads.size() + " traversal paths aimed at /etc/passwd and PUT of the same forms"
                + " aimed at /tmp through /files/{path}, after a plain write and read of " + plain;
        List<String> evidence = new ArrayList<>();
        evidence.add(refused + " of " + payloads.size() + " paths refused for both GET and PUT");
        evidence.addAll(failures);
        return failures.isEmpty() ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, evidence);
    }

    /**
     * Whether {@code /tmp/<name>} now exists: read back through a plain climb, or, for a service on this machine,
     * anything in {@code /tmp} whose name starts with {@code name} (a trailing space or dot makes a variant), which
     * the probe then removes.
     */
    private static boolean landedOutside(RawHttp http, List<String> auth, String name) throws java.io.IOException {
        RawResponse back = http.get("/files/" + CLIMB + "tmp/" + name, auth);
        boolean seen = back.status() == 200 && back.bodyText().equals(name);
        Path tmp = Path.of("/tmp");
        if (InetAddress.getByName(http.base().getHost()).isLoopbackAddress() && Files.isDirectory(tmp)) {
            List<Path> landed;
            try (Stream<Path> entries = Files.list(tmp)) {
                landed = entries.filter(p -> p.getFileName().toString().startsWith(name)).toList();
            }
            for (Path p : landed) {
                DirectoryTree.delete(p);
                seen = true;
            }
        }
        return seen;
    }

    /**
     * The payload as the path of a request line: characters a request target may carry stay as they are (so the
     * corpus's own percent-encodings reach the server undecoded); others (space, NUL, non-ASCII) are encoded.
     */
    static String requestTarget(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : payload.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '#' && c != '?') {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
