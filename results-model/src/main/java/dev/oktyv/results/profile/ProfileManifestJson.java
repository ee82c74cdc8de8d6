package dev.oktyv.results.profile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import dev.oktyv.results.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads and writes {@code profile.json}. Shape (format 1): {@code {"formatVersion":1,"workloadId":...,
 * "forks":[{"fork":1,"requested":"cpu,jfr","asyncEvents":["cpu"],"cpuEngine":"cpu","cpuIntervalNanos":10000000,
 * "jfr":true,"warmupDiscarded":true,"warmupIterations":5,"samples":[{"event":"cpu","weight":812,"unit":"samples"}],
 * "files":[...],"warnings":[]}]}}}. A fork without cpu has {@code "cpuEngine":"not applicable: cpu not captured"}
 * and {@code "cpuIntervalNanos":-1}: the file predates the typed record, so those wire values stay.
 */
public final class ProfileManifestJson {

    /** {@code cpuEngine} of a fork that did not sample cpu; any value starting "not applicable" reads as empty. */
    static final String CPU_NOT_CAPTURED = "not applicable: cpu not captured";
    private static final String NOT_APPLICABLE = "not applicable";
    private static final long NO_INTERVAL = -1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ProfileManifestJson() {
    }

    public static String toJson(ProfileManifest m) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", m.formatVersion());
        o.addProperty("workloadId", m.workloadId());
        JsonArray forks = new JsonArray();
        for (ProfileManifest.ForkProfile f : m.forks()) {
            JsonObject j = new JsonObject();
            j.addProperty("fork", f.fork());
            j.addProperty("requested", f.requested());
            JsonArray events = new JsonArray();
            f.asyncEvents().forEach(e -> events.add(e.id()));
            j.add("asyncEvents", events);
            j.addProperty("cpuEngine", f.cpuEngine().map(CpuEngine::id).orElse(CPU_NOT_CAPTURED));
            j.addProperty("cpuIntervalNanos", f.cpuIntervalNanos().orElse(NO_INTERVAL));
            j.addProperty("jfr", f.jfr());
            j.addProperty("warmupDiscarded", f.warmupDiscarded());
            j.addProperty("warmupIterations", f.warmupIterations());
            JsonArray samples = new JsonArray();
            for (ProfileManifest.EventSamples s : f.samples()) {
                JsonObject e = new JsonObject();
                e.addProperty("event", s.event().id());
                e.addProperty("weight", s.weight());
                e.addProperty("unit", s.unit());
                samples.add(e);
            }
            j.add("samples", samples);
            j.add("files", strings(f.files()));
            j.add("warnings", strings(f.warnings()));
            forks.add(j);
        }
        o.add("forks", forks);
        return GSON.toJson(o) + "\n";
    }

    public static ProfileManifest fromJson(String json) {
        try {
            JsonElement root = JsonInput.parse(json);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("formatVersion")
                    || root.getAsJsonObject().get("formatVersion").getAsInt() != ProfileManifest.FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported profile.json format "
                        + (root.isJsonObject() && root.getAsJsonObject().has("formatVersion")
                        ? root.getAsJsonObject().get("formatVersion") : "(empty)")
                        + ", expected " + ProfileManifest.FORMAT_VERSION);
            }
            JsonObject o = root.getAsJsonObject();
            List<ProfileManifest.ForkProfile> forks = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("forks")) {
                forks.add(fork(e.getAsJsonObject()));
            }
            return new ProfileManifest(ProfileManifest.FORMAT_VERSION, o.get("workloadId").getAsString(), forks);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("malformed profile.json: " + e.getMessage(), e);
        }
    }

    private static ProfileManifest.ForkProfile fork(JsonObject j) {
        List<EventKind> events = new ArrayList<>();
        j.getAsJsonArray("asyncEvents").forEach(e -> events.add(EventKind.parse(e.getAsString())));
        String engine = j.get("cpuEngine").getAsString();
        long interval = j.get("cpuIntervalNanos").getAsLong();
        List<ProfileManifest.EventSamples> samples = new ArrayList<>();
        for (JsonElement e : j.getAsJsonArray("samples")) {
            JsonObject s = e.getAsJsonObject();
            samples.add(new ProfileManifest.EventSamples(EventKind.parse(s.get("event").getAsString()),
                    s.get("weight").getAsLong()));
        }
        return new ProfileManifest.ForkProfile(j.get("fork").getAsInt(), j.get("requested").getAsString(), events,
                engine.startsWith(NOT_APPLICABLE) ? Optional.empty() : Optional.of(CpuEngine.ofId(engine)),
                interval == NO_INTERVAL ? OptionalLong.empty() : OptionalLong.of(interval),
                j.get("jfr").getAsBoolean(), j.get("warmupDiscarded").getAsBoolean(),
                j.get("warmupIterations").getAsInt(), samples, stringList(j.getAsJsonArray("files")),
                stringList(j.getAsJsonArray("warnings")));
    }

    private static JsonArray strings(List<String> l) {
        JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }

    private static List<String> stringList(JsonArray a) {
        List<String> l = new ArrayList<>();
        a.forEach(e -> l.add(e.getAsString()));
        return l;
    }
    public static ProfileManifest read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static void write(Path file, ProfileManifest m) throws IOException {
        AtomicFiles.writeString(file, toJson(m));
    }

    /** Adds one fork to the workload's {@code profile.json} (created if absent). Forks run one after another. */
    public static synchronized ProfileManifest append(Path workloadDir, String workloadId, ProfileManifest.ForkProfile fork)
            throws IOException {
        Path file = workloadDir.resolve(ProfileArtifacts.MANIFEST);
        ProfileManifest m = Files.exists(file) ? read(file) : ProfileManifest.empty(workloadId);
        m = m.with(fork);
        write(file, m);
        return m;
    }
}
