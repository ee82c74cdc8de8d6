package dev.oktyv.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a run folder from a JMH result produced elsewhere (a Gradle or Maven JMH plugin, another machine):
 * {@code jmh.json} is the file byte for byte, {@code run.json} is written from what the file itself says.
 * The JVM comes from the JMH JSON ({@code jdkVersion}, {@code vmName}, {@code vmVersion}, {@code jvm},
 * {@code jvmArgs}), never from the importing machine, and the host is {@link HostInfo#unknown()}: JMH does not record
 * it. The JMH version stays where JMH wrote it, in {@code jmh.json}, and is reported by {@link Imported}.
 */
public final class JmhImport {

    private JmhImport() {
    }

    /**
     * What was imported.
     *
     * @param jmhVersions the distinct JMH versions the file names ({@code unknown} when an entry has none)
     * @param jvmVersions the distinct JVM versions; more than one means benchmarks ran in different JVMs
     */
    public record Imported(RunFolder folder, int benchmarks, Set<String> jmhVersions, Set<String> jvmVersions, JvmInfo jvm) {
    }

    /**
     * @param started when the measurement started; the file's modification time when the caller does not know
     */
    public static Imported into(ResultsStore store, Path jmhJson, GitInfo git, Instant started, List<String> commandLine)
            throws IOException {
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(started, "started");
        byte[] bytes = Files.readAllBytes(jmhJson);
        JsonArray entries = entries(jmhJson, bytes);
        Set<String> jmhVersions = new LinkedHashSet<>();
        Set<String> jvmVersions = new LinkedHashSet<>();
        for (JsonElement e : entries) {
            jmhVersions.add(string(e.getAsJsonObject(), "jmhVersion"));
            jvmVersions.add(jvmVersion(e.getAsJsonObject()));
        }
        JvmInfo jvm = jvm(entries.get(0).getAsJsonObject());
        RunFolder folder = store.create(RunId.of(started, git.shortCommit(), git.dirty()));
        // run.json first and incomplete: a crash between the two files leaves a folder no command takes for data.
        RunMetadata meta = RunMetadata.started(SuiteVersion.get(), folder.id(), git, started, commandLine, HostInfo.unknown(), jvm);
        folder.writeMetadata(meta);
        AtomicFiles.write(folder.jmhJson(), bytes);
        // JMH does not record when a run ended; the start is the only honest bound.
        folder.writeMetadata(meta.finished(started, RunStatus.COMPLETE));
        return new Imported(folder, entries.size(), jmhVersions, jvmVersions, jvm);
    }

    private static JsonArray entries(Path file, byte[] bytes) {
        JsonElement root;
        try {
            root = JsonInput.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
        }
        if (!root.isJsonArray() || root.getAsJsonArray().isEmpty()) {
            throw new IllegalArgumentException(file + " is not a JMH result: expected a non-empty JSON array of benchmark"
                    + " results (what -rf json writes)");
        }
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (JsonElement e : root.getAsJsonArray()) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has("benchmark") || !e.getAsJsonObject().has("primaryMetric")) {
                problems.add("entry " + i);
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + " is not a JMH result: " + problems.get(0)
                    + " has no \"benchmark\" and \"primaryMetric\"");
        }
        return root.getAsJsonArray();
    }

    static JvmInfo jvm(JsonObject entry) {
        String jvm = string(entry, "jvm");
        List<String> args = new ArrayList<>();
        if (entry.has("jvmArgs") && entry.get("jvmArgs").isJsonArray()) {
            entry.getAsJsonArray("jvmArgs").forEach(a -> args.add(a.isJsonPrimitive() ? a.getAsString() : a.toString()));
        }
        // JMH records no vendor; vmName ("OpenJDK 64-Bit Server VM") is the closest it has.
        return new JvmInfo(GitInfo.UNKNOWN, jvmVersion(entry), string(entry, "vmName"), javaHome(jvm), args);
    }

    /** {@code jdkVersion} (JMH ≥ 1.20), else {@code vmVersion}, else unknown. */
    static String jvmVersion(JsonObject entry) {
        String jdk = string(entry, "jdkVersion");
        return jdk.equals(GitInfo.UNKNOWN) ? string(entry, "vmVersion") : jdk;
    }

    /** {@code /opt/jdk-17/bin/java} → {@code /opt/jdk-17}; Windows paths ({@code C:\jdk\bin\java.exe}) too. */
    static String javaHome(String jvm) {
        String s = jvm.replace('\\', '/');
        for (String tail : new String[] {"/bin/java.exe", "/bin/java"}) {
            if (s.toLowerCase(java.util.Locale.ROOT).endsWith(tail)) {
                return jvm.substring(0, jvm.length() - tail.length());
            }
        }
        return jvm;
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() || e.getAsString().isBlank() ? GitInfo.UNKNOWN : e.getAsString();
    }
}
