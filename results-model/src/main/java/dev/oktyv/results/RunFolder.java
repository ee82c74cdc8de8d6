package dev.oktyv.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One run's folder. Layout (format version {@value #FORMAT_VERSION}, also described in {@code results/README.md}):
 * <pre>
 * &lt;run-id&gt;/
 *   run.json                  metadata, see {@link RunMetadataJson}
 *   jmh.json                  JMH's own JSON output, untouched (rawData kept)
 *   console.log               what the run printed
 *   load/&lt;scenario&gt;/          load-runner output: summary.json, latency.hlog
 *   profiles/&lt;id&gt;/            JFR and async-profiler captures per benchmark or scenario
 *   security.json             the security phase's probe outcomes and score
 *   security.sarif            the same findings as SARIF 2.1.0, for code-scanning tools
 *   recovery.json             the recovery phase's probe outcomes
 *   production-hardening-results.json   the readiness verdict over the five phases
 * </pre>
 */
public record RunFolder(Path path, RunId id) {

    public static final int FORMAT_VERSION = 1;
    public static final String RUN_JSON = "run.json";
    public static final String JMH_JSON = "jmh.json";
    public static final String CONSOLE_LOG = "console.log";
    public static final String LOAD_DIR = "load";
    public static final String PROFILES_DIR = "profiles";
    public static final String SECURITY_JSON = "security.json";
    public static final String SECURITY_SARIF = "security.sarif";
    public static final String RECOVERY_JSON = "recovery.json";
    public static final String READINESS_JSON = "production-hardening-results.json";

    public RunFolder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
    }

    /** Opens an existing folder; its name must be a run id. */
    public static RunFolder open(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("run folder " + path + " does not exist");
        }
        return new RunFolder(path, new RunId(name));
    }

    public Path runJson() {
        return path.resolve(RUN_JSON);
    }

    public Path jmhJson() {
        return path.resolve(JMH_JSON);
    }

    public Path consoleLog() {
        return path.resolve(CONSOLE_LOG);
    }

    /** {@code load/<scenario>/}; the scenario id must be a safe single path segment. */
    public Path loadDir(String scenarioId) {
        return path.resolve(LOAD_DIR).resolve(segment(scenarioId));
    }

    /** {@code profiles/<benchmark-or-scenario-id>/}. */
    public Path profilesDir(String workloadId) {
        return path.resolve(PROFILES_DIR).resolve(segment(workloadId));
    }

    /** The security phase's outcomes ({@value #SECURITY_JSON}). */
    public Path securityJson() {
        return path.resolve(SECURITY_JSON);
    }

    /** The security findings as SARIF 2.1.0 ({@value #SECURITY_SARIF}). */
    public Path securitySarif() {
        return path.resolve(SECURITY_SARIF);
    }

    /** The recovery phase's outcomes ({@value #RECOVERY_JSON}). */
    public Path recoveryJson() {
        return path.resolve(RECOVERY_JSON);
    }

    /** The production-readiness verdict ({@value #READINESS_JSON}). */
    public Path readinessJson() {
        return path.resolve(READINESS_JSON);
    }

    public boolean hasJmhResults() {
        try {
            return Files.isRegularFile(jmhJson()) && Files.size(jmhJson()) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    public RunMetadata readMetadata() throws IOException {
        return RunMetadataJson.read(Files.readString(runJson(), StandardCharsets.UTF_8));
    }

    public void writeMetadata(RunMetadata metadata) throws IOException {
        if (!metadata.id().equals(id)) {
            throw new IllegalArgumentException("metadata id " + metadata.id() + " does not match folder " + id);
        }
        AtomicFiles.writeString(runJson(), RunMetadataJson.write(metadata));
    }

    static String segment(String s) {
        if (s == null || s.isEmpty() || !s.matches("[A-Za-z0-9._=,+-]{1,200}") || s.equals(".") || s.equals("..")) {
            throw new IllegalArgumentException("'" + s + "' is not a valid folder name for a workload id"
                    + " (allowed: letters, digits and . _ = , + -)");
        }
        return s;
    }
}
