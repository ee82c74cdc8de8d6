package dev.oktyv.bench.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes a jar that holds only service lists, naming classes the test class path already has, like a user's jar. */
public final class PluginJarFixture {

    private PluginJarFixture() {
    }

    public static Path write(Path jar, Map<Class<?>, List<String>> services) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Map.Entry<Class<?>, List<String>> e : services.entrySet()) {
                j.putNextEntry(new JarEntry("META-INF/services/" + e.getKey().getName()));
                j.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }
}
