package dev.oktyv.results.profile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.oktyv.results.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code profile.json}. Shape (format 1): {@code {"formatVersion":1,"workloadId":...,
 * "forks":[{"fork":1,"requested":"cpu,jfr","asyncEvents":["cpu"],"cpuEngine":"cpu","cpuIntervalNanos":10000000,
 * "jfr":true,"warmupDiscarded":true,"warmupIterations":5,"samples":[{"event":"cpu","weight":812,"unit":"samples"}],
 * "files":[...],"warnings":[]}]}}}. Field names are the record components.
 */
public final class ProfileManifestJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ProfileManifestJson() {
    }

    public static String toJson(ProfileManifest m) {
        return GSON.toJson(m) + "\n";
    }

    public static ProfileManifest fromJson(String json) {
        try {
            ProfileManifest m = GSON.fromJson(json, ProfileManifest.class);
            if (m == null || m.formatVersion() != ProfileManifest.FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported profile.json format "
                        + (m == null ? "(empty)" : m.formatVersion()) + ", expected " + ProfileManifest.FORMAT_VERSION);
            }
            return m;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed profile.json: " + e.getMessage(), e);
        }
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
