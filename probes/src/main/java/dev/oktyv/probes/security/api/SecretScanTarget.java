package dev.oktyv.probes.security.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hard-coded-secret scan reads: jars and class folders. The real run scans the suite's own code (the
 * uber-jar, or its modules' class folders when run from a build), not third-party jars, whose test keys would be
 * findings nobody here can fix.
 */
public record SecretScanTarget(List<Path> roots) {

    public SecretScanTarget {
        roots = List.copyOf(roots);
    }

    /**
     * The suite's own entries of {@code java.class.path}: jars named oktyv-* and main class folders. Test code is left
     * out, as folders ({@code test-classes}) and as Maven test-jars ({@code oktyv-*-tests.jar}, which a build puts on
     * other modules' test class paths): its fixed test tokens are not secrets an attacker could take from the jar.
     */
    public static SecretScanTarget ownClassPath(String classPath, String pathSeparator) {
        List<Path> own = new ArrayList<>();
        for (String e : classPath.split(java.util.regex.Pattern.quote(pathSeparator))) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            boolean ownJar = name.startsWith("oktyv-") && name.endsWith(".jar") && !name.endsWith("-tests.jar")
                    && Files.isRegularFile(p);
            boolean mainClasses = name.equals("classes") && Files.isDirectory(p);
            if (ownJar || mainClasses) {
                own.add(p);
            }
        }
        return new SecretScanTarget(own);
    }
}
