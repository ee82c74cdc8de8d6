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

    /** The suite's own entries of {@code java.class.path}: jars named oktyv-* and main class folders. */
    public static SecretScanTarget ownClassPath(String classPath, String pathSeparator) {
        List<Path> own = new ArrayList<>();
        for (String e : classPath.split(java.util.regex.Pattern.quote(pathSeparator))) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            boolean ownJar = name.startsWith("oktyv-") && name.endsWith(".jar") && Files.isRegularFile(p);
            boolean mainClasses = name.equals("classes") && Files.isDirectory(p);
            if (ownJar || mainClasses) {
                own.add(p);
            }
        }
        return new SecretScanTarget(own);
    }
}
