package dev.oktyv.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code run.json} format, version {@value RunFolder#FORMAT_VERSION}. Field order is fixed so that
 * files diff cleanly; the golden file {@code run-v1.json} in the tests seals it.
 *
 * <pre>
 * { "formatVersion": 1, "suiteVersion": "0.1.0", "id": "20261128T001500Z-abc1234567",
 *   "commit": {"sha": "...40 hex... | unknown", "branch": "main", "dirty": false},
 *   "startedAt": "2026-11-28T00:15:00Z", "endedAt": "2026-11-28T00:16:00Z" | null,
 *   "status": "complete | incomplete | failed", "commandLine": ["run", "--quick"],
 *   "host": {"hostname", "os", "osVersion", "arch", "cpuModel", "cores", "memoryBytes", "hostClass" (optional)},
 *   "jvm": {"vendor", "version", "vmName", "javaHome", "flags": [...]} }
 * </pre>
 */
public final class RunMetadataJson {

    /** {@code hostname} and {@code cpuModel} when the platform did not tell them. */
    static final String UNKNOWN = "unknown";
    /** {@code memoryBytes} when the platform did not tell it. */
    static final long NO_MEMORY_FIGURE = -1;



    private RunMetadataJson() {
    }

    public static String write(RunMetadata m) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", m.formatVersion());
        o.addProperty("suiteVersion", m.suiteVersion());
        o.addProperty("id", m.id().value());
        JsonObject git = new JsonObject();
        git.addProperty("sha", m.git().commit());
        git.addProperty("branch", m.git().branch());
        git.addProperty("dirty", m.git().dirty());
        o.add("commit", git);
        o.addProperty("startedAt", m.startedAt().toString());
        o.add("endedAt", JsonText.text(m.endedAt().map(Instant::toString)));
        o.addProperty("status", m.status().wireName());
        o.add("commandLine", strings(m.commandLine()));
        JsonObject host = new JsonObject();
        host.addProperty("hostname", m.host().hostname().orElse(UNKNOWN));
        host.addProperty("os", m.host().os());
        host.addProperty("osVersion", m.host().osVersion());
        host.addProperty("arch", m.host().arch());
        host.addProperty("cpuModel", m.host().cpuModel().orElse(UNKNOWN));
        host.addProperty("cores", m.host().cores());
        host.addProperty("memoryBytes", m.host().memoryBytes().orElse(NO_MEMORY_FIGURE));
        // Written only when named (--host-class, OKTYV_HOST_CLASS): otherwise the class is derived on reading, and
        // run.json files written before host classes existed stay byte-identical.
        m.host().hostClass().ifPresent(c -> host.addProperty("hostClass", c));
        o.add("host", host);
        JsonObject jvm = new JsonObject();
        jvm.addProperty("vendor", m.jvm().vendor());
        jvm.addProperty("version", m.jvm().version());
        jvm.addProperty("vmName", m.jvm().vmName());
        jvm.addProperty("javaHome", m.jvm().javaHome());
        jvm.add("flags", strings(m.jvm().flags()));
        o.add("jvm", jvm);
        return JsonText.write(o);
    }

    /** Parses {@code run.json}; any structural problem is reported as one {@link IllegalArgumentException} line. */
    public static RunMetadata read(String json) {
        try {
            JsonObject o = JsonInput.parse(json).getAsJsonObject();
            int version = field(o, "formatVersion").getAsInt();
            if (version != RunFolder.FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported run.json formatVersion " + version
                        + " (this suite reads " + RunFolder.FORMAT_VERSION + ")");
            }
            JsonObject git = field(o, "commit").getAsJsonObject();
            JsonObject host = field(o, "host").getAsJsonObject();
            JsonObject jvm = field(o, "jvm").getAsJsonObject();
            JsonElement ended = o.get("endedAt");
            return new RunMetadata(version, str(o, "suiteVersion"), new RunId(str(o, "id")),
                    new GitInfo(str(git, "sha"), str(git, "branch"), field(git, "dirty").getAsBoolean()),
                    Instant.parse(str(o, "startedAt")),
                    ended == null || ended.isJsonNull() ? Optional.empty() : Optional.of(Instant.parse(ended.getAsString())),
                    RunStatus.fromWireName(str(o, "status")), list(field(o, "commandLine").getAsJsonArray()),
                    new HostInfo(known(str(host, "hostname")), str(host, "os"), str(host, "osVersion"),
                            str(host, "arch"), known(str(host, "cpuModel")), field(host, "cores").getAsInt(),
                            memory(field(host, "memoryBytes").getAsLong()),
                            host.has("hostClass") ? Optional.of(str(host, "hostClass")) : Optional.empty()),
                    new JvmInfo(str(jvm, "vendor"), str(jvm, "version"), str(jvm, "vmName"), str(jvm, "javaHome"),
                            list(field(jvm, "flags").getAsJsonArray())));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException
                 | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed run.json: " + e.getMessage(), e);
        }
    }

    private static JsonElement field(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalStateException("missing field '" + name + "'");
        }
        return e;
    }

    private static String str(JsonObject o, String name) {
        return field(o, name).getAsString();
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> list(JsonArray a) {
        List<String> out = new ArrayList<>(a.size());
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static Optional<String> known(String value) {
        return UNKNOWN.equals(value) ? Optional.empty() : Optional.of(value);
    }

    private static OptionalLong memory(long bytes) {
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    }
}
