package dev.oktyv.bench.plugin;

import dev.oktyv.bench.cli.UsageException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR}: the jars in DIR join the class path of this run, so the checks they list are found beside
 * the built-in ones (as they are when the jar is given with {@code java -cp}).
 */
public final class PluginsOption {

    @Option(names = "--plugins", paramLabel = "DIR", description = "Load the checks listed in the jars of this"
            + " directory beside the built-in ones (repeatable; see docs/readiness.md).")
    List<Path> dirs = new ArrayList<>();

    /**
     * The loader to discover checks with: {@code parent} when no directory was given, else a loader over their jars.
     * The caller closes it after the run.
     */
    public URLClassLoader open(ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Path dir : dirs) {
            urls.addAll(jars(dir));
        }
        return new URLClassLoader("oktyv-plugins", urls.toArray(URL[]::new), parent);
    }

    private static List<URL> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--plugins " + dir + ": not a directory");
        }
        List<URL> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList()) {
                out.add(url(jar));
            }
        } catch (IOException e) {
            throw new UsageException("--plugins " + dir + ": cannot list it (" + e.getClass().getSimpleName() + ")", e);
        }
        if (out.isEmpty()) {
            // Nothing to load is a mistake worth a line: the user expected their checks to run.
            throw new UsageException("--plugins " + dir + ": no .jar file in it");
        }
        return out;
    }

    private static URL url(Path jar) {
        try {
            return jar.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UsageException("--plugins: cannot load " + jar + " (" + e.getMessage() + ")", e);
        }
    }
}
