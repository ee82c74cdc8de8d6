package dev.oktyv.probes.security.service;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The token comparison runs in constant time. Measured over HTTP, the few nanoseconds an early-exit comparison
 * leaks drown in network jitter, so a timing test could never fail here; instead the probe inspects the comparing
 * class's byte code: it must call {@code MessageDigest.isEqual} and must not compare with {@code String.equals}
 * or {@code Arrays.equals}, which return at the first differing character.
 */
public final class ConstantTimeTokenProbe implements SecurityProbe {

    @Override
    public String id() {
        return "service.constant-time-token";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.SERVICE;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String title() {
        return "The bearer token is compared in constant time";
    }

    @Override
    public String fix() {
        return "Compare fixed-length digests of the tokens with MessageDigest.isEqual";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws IOException {
        Optional<TokenCheckTarget> t = target.get(TokenCheckTarget.class);
        if (t.isEmpty()) {
            return ProbeOutcome.notRun("no in-process token check configured (a service at --target-url runs in"
                    + " another process, its code cannot be inspected from here)");
        }
        Class<?> c = t.get().implementation();
        String bytes = classBytes(c);
        String action = "inspected the byte code of " + c.getName();
        boolean digestEqual = bytes.contains("java/security/MessageDigest") && bytes.contains("isEqual");
        // Any method named exactly "equals" in the constant pool: String.equals, Arrays.equals or Object.equals
        // on the token, all of which return at the first difference.
        boolean earlyExit = references(bytes, "equals");
        if (!digestEqual) {
            return ProbeOutcome.fail(action, List.of(c.getSimpleName() + " never calls MessageDigest.isEqual"));
        }
        if (earlyExit) {
            return ProbeOutcome.fail(action, List.of(c.getSimpleName() + " calls MessageDigest.isEqual but also an"
                    + " equals method, which returns at the first difference"));
        }
        return ProbeOutcome.pass(action, List.of(c.getSimpleName() + " compares with MessageDigest.isEqual and calls"
                + " no early-exit equals"));
    }

    /** Whether the constant pool holds {@code name} as a whole UTF-8 entry (length-prefixed), not a substring. */
    private static boolean references(String bytes, String name) {
        String entry = new String(new byte[] {1, 0, (byte) name.length()}, StandardCharsets.ISO_8859_1) + name;
        return bytes.contains(entry);
    }

    private static String classBytes(Class<?> c) throws IOException {
        String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the byte code of " + c.getName() + " is not readable from its class loader");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
