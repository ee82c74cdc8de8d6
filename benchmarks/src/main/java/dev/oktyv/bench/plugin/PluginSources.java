package dev.oktyv.bench.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which jar or directory listed each provider of one service interface, read from the same
 * {@code META-INF/services} files {@link java.util.ServiceLoader} reads. ServiceLoader itself never says where a
 * provider came from, but a user whose check fails to load needs the jar named, and the verdict file lists where
 * each plug-in came from. A provider is built in when the list naming it sits where the interface itself was loaded
 * from (the suite's jar, or its module's classes in a build).
 */
final class PluginSources {

    /** One line of a service list. */
    record Listing(String className, String source, boolean builtIn) {
    }

    private final Map<String, Listing> byClass;

    private PluginSources(Map<String, Listing> byClass) {
        this.byClass = byClass;
    }

    static PluginSources of(Class<?> service, ClassLoader loader) {
        String home = location(service);
        Map<String, Listing> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> lists = loader.getResources("META-INF/services/" + service.getName());
            while (lists.hasMoreElements()) {
                URL list = lists.nextElement();
                String root = root(list, service);
                String source = displayName(root);
                for (String cls : classNames(list)) {
                    // The first list wins, as it does for ServiceLoader.
                    out.putIfAbsent(cls, new Listing(cls, source, root.equals(home)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service lists of " + service.getName(), e);
        }
        return new PluginSources(out);
    }

    /** Where {@code className} was listed, if a list names it. */
    Optional<Listing> of(String className) {
        return Optional.ofNullable(byClass.get(className));
    }

    /**
     * The listing whose class name an error message mentions: a user's before a built-in one (a clash of ids names
     * both, and the user's is the one to fix), then the longest name (so {@code a.B$C} beats {@code a.B}).
     */
    Optional<Listing> mentionedIn(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Listing best = null;
        for (Listing l : byClass.values()) {
            if (message.contains(l.className()) && (best == null || better(l, best))) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(Listing l, Listing best) {
        if (l.builtIn() != best.builtIn()) {
            return !l.builtIn();
        }
        return l.className().length() > best.className().length();
    }

    /** Every source that lists a provider outside the suite, for an error that names no class. */
    List<String> pluginSources() {
        return byClass.values().stream().filter(l -> !l.builtIn()).map(Listing::source).distinct().toList();
    }

    private static List<String> classNames(URL list) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!name.isEmpty()) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** The jar or directory URL holding {@code list}: {@code jar:file:/x.jar!/META-INF/…} gives {@code file:/x.jar}. */
    private static String root(URL list, Class<?> service) {
        String s = list.toString();
        if (s.startsWith("jar:") && s.contains("!/")) {
            return s.substring("jar:".length(), s.indexOf("!/"));
        }
        String suffix = "META-INF/services/" + service.getName();
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? "" : cs.getLocation().toString();
    }

    /** The file name of a jar, the path of a directory: enough to find it, without the user's whole home path. */
    private static String displayName(String root) {
        String trimmed = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return root.endsWith(".jar") ? trimmed.substring(trimmed.lastIndexOf('/') + 1)
                : trimmed.startsWith("file:") ? trimmed.substring("file:".length()) : trimmed;
    }
}
