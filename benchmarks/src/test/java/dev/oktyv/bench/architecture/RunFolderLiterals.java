package dev.oktyv.bench.architecture;

import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.profile.ProfileArtifacts;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds run-folder file and folder names spelled as string literals outside {@code results-model}. It reads the
 * source, not the class files: javac copies another class's {@code static final String} into the caller's constant
 * pool, so {@code RunFolder.RUN_JSON} and a hand-written {@code "run.json"} look the same in bytecode. The names
 * come from the owner's own constants ({@link RunFolder}, {@link LoadFolder}, {@link ProfileArtifacts}), so a new
 * file name there is guarded without touching this class.
 *
 * <p>A literal is a violation when one of its {@code /}-separated segments is a file name ({@code "summary.json"},
 * {@code "load/x/latency.hlog"}), when it starts a path with a folder name ({@code "profiles/"}), or when it holds
 * the stress-step pattern ({@code "step-%02d-%s"}). Prose that mentions a name ({@code "no latency.hlog in this
 * run"}) and comments are not violations.
 */
final class RunFolderLiterals {

    private static final String STEP_PATTERN = "step-%";

    private final Set<String> fileNames = new TreeSet<>();
    private final Set<String> folderNames = new TreeSet<>();

    RunFolderLiterals() {
        for (Class<?> owner : List.of(RunFolder.class, LoadFolder.class, ProfileArtifacts.class)) {
            for (Field f : owner.getFields()) {
                int m = f.getModifiers();
                if (f.getType() == String.class && Modifier.isStatic(m) && Modifier.isFinal(m)) {
                    String name = constant(f);
                    if (name.startsWith(".")) {
                        continue; // a suffix such as ".partial", not a name of its own
                    }
                    (name.contains(".") ? fileNames : folderNames).add(name);
                }
            }
        }
    }

    Set<String> fileNames() {
        return fileNames;
    }

    Set<String> folderNames() {
        return folderNames;
    }

    /** Every violation under {@code root}'s modules' {@code src/main/java}, except the owner's own tree. */
    List<String> scanModules(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                if (module.getFileName().toString().equals("results-model")) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        out.addAll(scan(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return out;
    }

    /** The violations in one source text, each {@code file:line: "literal"}. */
    List<String> scan(String fileName, String source) {
        List<String> out = new ArrayList<>();
        for (Literal l : JavaLiterals.of(source)) {
            if (isViolation(l.text())) {
                out.add(fileName + ":" + l.line() + ": \"" + l.text() + "\"");
            }
        }
        return out;
    }

    boolean isViolation(String literal) {
        if (literal.contains(STEP_PATTERN)) {
            return true;
        }
        for (String segment : literal.split("[/\\\\]", -1)) {
            if (fileNames.contains(segment)) {
                return true;
            }
        }
        for (String folder : folderNames) {
            // Only at the start: "/files/load/w" is a URL of the service under test, not a run-folder path.
            if (literal.startsWith(folder + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String constant(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    /** A string literal's content (escapes left as written) and the line it starts on. */
    record Literal(String text, int line) {
    }
}
