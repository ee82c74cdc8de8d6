package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.general.SecretPatterns;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * No secret is built into the code: scans the classes, resources and configuration files of the suite's jars and
 * class folders for private keys, cloud-style keys, JWTs, and high-entropy values assigned to secret-named fields
 * (constants in classes, {@code password=...} in configuration). Evidence names the file and the kind, never the
 * value.
 */
public final class HardcodedSecretsProbe implements SecurityProbe {

    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(passw(or)?d|passphrase|secret|token|api_?key|private_?key"
            + "|access_?key|credential).*");
    /** {@code name = value} or {@code name: value} in properties, YAML and similar files. */
    static final Pattern ASSIGNMENT = Pattern.compile("(?im)^\\s*([\\w.\\-]+)\\s*[:=]\\s*[\"']?([^\\s\"'#]{12,})");
    /** Random keys score above 4 bits per character (Base64, hex of 32+ chars); words and ${placeholders} less. */
    static final double ENTROPY_BITS = 3.5;
    /**
     * A field or key that names where a secret lives ({@code PASSPHRASE_ENV}, {@code db.password.property}), not the
     * secret: its value is then the name of an environment variable or property.
     */
    static final Pattern NAMES_A_SOURCE = Pattern.compile("(?i).*(env|env_?var|variable|property|prop)$");
    /**
     * An environment variable name ({@code OKTYV_VAULT_PASSPHRASE}: upper case words joined by {@code _}) or a
     * property name ({@code oktyv.db.password}: lower case words joined by {@code . _ -}), at least two words. A
     * random key mixes cases, so it does not pass for one.
     */
    static final Pattern SOURCE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:[._\\-][a-z0-9]+)+");
    private static final Pattern TEXT_FILE = Pattern.compile("(?i).*\\.(properties|ya?ml|json|xml|conf|cfg|ini|env"
            + "|txt|pem|key|md|sql|html|js)$");

    @Override
    public String id() {
        return "api.hardcoded-secrets";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.API;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "No private keys, cloud keys, JWTs or secret-named high-entropy values in the shipped code";
    }

    @Override
    public String fix() {
        return "Remove the value from the code and the history, rotate it, and read it from the vault at run time";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws IOException {
        Optional<SecretScanTarget> t = target.get(SecretScanTarget.class);
        if (t.isEmpty()) {
            return ProbeOutcome.notRun("no secret-scan target configured");
        }
        if (t.get().roots().isEmpty()) {
            return ProbeOutcome.notRun("no jar or class folder of the suite found on the class path");
        }
        List<String> hits = new ArrayList<>();
        int[] files = {0};
        for (Path root : t.get().roots()) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        String entry = root.relativize(p).toString().replace('\\', '/');
                        if (ours(entry)) {
                            files[0]++;
                            scan(entry, Files.readAllBytes(p), hits);
                        }
                    }
                }
            } else {
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(root))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        if (!e.isDirectory() && ours(e.getName())) {
                            files[0]++;
                            scan(root.getFileName() + "!" + e.getName(), in.readAllBytes(), hits);
                        }
                    }
                }
            }
        }
        String action = "scanned " + files[0] + " files in " + t.get().roots().size() + " jars and class folders";
        return hits.isEmpty() ? ProbeOutcome.pass(action, List.of("no key, token or secret-named high-entropy value"))
                : ProbeOutcome.fail(action, hits);
    }

    /**
     * The suite's own entries: its packages and the configuration files at the root. The uber-jar also holds every
     * dependency, whose bundled test keys are not this project's to fix.
     */
    static boolean ours(String entry) {
        return entry.startsWith("dev/oktyv/") || !entry.contains("/");
    }

    static void scan(String name, byte[] bytes, List<String> hits) {
        if (name.endsWith(".class")) {
            ClassConstants c;
            try {
                c = ClassConstants.read(bytes);
            } catch (IOException | RuntimeException e) {
                return; // not a class file we can read (a multi-release stub, a damaged entry): nothing to scan
            }
            for (String literal : c.literals) {
                SecretPatterns.kindOf(literal).ifPresent(k -> hits.add(name + ": a string literal is " + k));
            }
            for (ClassConstants.Field f : c.fields) {
                if (f.constantValue() != null && looksLikeASecret(f.name(), f.constantValue())) {
                    hits.add(name + ": constant " + f.name() + " holds a high-entropy value ("
                            + f.constantValue().length() + " characters)");
                }
            }
        } else if (TEXT_FILE.matcher(name).matches()) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            SecretPatterns.kindOf(text).ifPresent(k -> hits.add(name + ": contains " + k));
            Matcher m = ASSIGNMENT.matcher(text);
            while (m.find()) {
                if (looksLikeASecret(m.group(1), m.group(2))) {
                    hits.add(name + ": " + m.group(1) + " is assigned a high-entropy value (" + m.group(2).length()
                            + " characters)");
                }
            }
        }
    }

    /**
     * A secret-named field or key holding a high-entropy value, unless the name says it names the secret's source
     * and the value is shaped like a variable name ({@code PASSPHRASE_ENV = "OKTYV_VAULT_PASSPHRASE"}): the suite's
     * own scan flagged exactly that constant. A random value under such a name (no separators) is still flagged.
     */
    static boolean looksLikeASecret(String name, String value) {
        if (!SECRET_NAME.matcher(name).matches() || !looksRandom(value)) {
            return false;
        }
        return !(NAMES_A_SOURCE.matcher(name).matches() && SOURCE_NAME.matcher(value).matches());
    }

    static boolean looksRandom(String v) {
        return v.length() >= 12 && !v.contains(" ") && !v.startsWith("${")
                && SecretPatterns.entropyBitsPerChar(v) >= ENTROPY_BITS
                && !v.toLowerCase(Locale.ROOT).matches(".*(example|changeme|placeholder|redacted).*");
    }
}
