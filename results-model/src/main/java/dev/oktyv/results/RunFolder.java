package dev.oktyv.results;

import dev.oktyv.results.load.LoadFolder;
import dev.oktyv.results.profile.ProfileFolder;
import dev.oktyv.results.profile.ProfileInventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One run's folder. Layout (format version {@value #FORMAT_VERSION}, also described in {@code results/README.md}):
 * <pre>
 * &lt;run-id&gt;/
 *   run.json                  metadata, see {@link RunMetadataJson}
 *   jmh.json                  JMH's own JSON output, untouched (rawData kept)
 *   console.log               what the run printed
 *   load/&lt;scenario&gt;/          load-runner output, see {@link LoadFolder}: summary.json, latency.hlog,
 *                             stress.json and step-NN-&lt;level&gt;/ for a stress run
 *   profiles/&lt;id&gt;/            JFR and async-profiler captures per benchmark or scenario, see
 *                             {@link dev.oktyv.results.profile.ProfileArtifacts}; profile.json
 *   security.json             the security phase's probe outcomes and score
 *   security.sarif            the same findings as SARIF 2.1.0, for code-scanning tools
 *   recovery.json             the recovery phase's probe outcomes
 *   production-hardening-results.json   the readiness verdict over the five phases
 *   performance/              the readiness performance phase's JMH run: jmh.json, profiled/ (the top benchmarks
 *                             again, profiled: jmh.json, profiles/&lt;id&gt;/)
 *   report.html, report.md    the run's report (rewritten by each {@code report})
 *   diff/&lt;id&gt;-&lt;event&gt;.html   differential flame graphs against a baseline (compare, report)
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
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_MD = "report.md";
    public static final String DIFF_DIR = "diff";
    public static final String PERFORMANCE_DIR = "performance";
    public static final String PROFILED_DIR = "profiled";

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

    /** {@code load/<scenario>/} with its typed file accessors. */
    public LoadFolder load(String scenarioId) {
        return new LoadFolder(loadDir(scenarioId));
    }

    /** The scenario folders present under {@code load/}, in name order. */
    public List<LoadFolder> loads() throws IOException {
        Path root = path.resolve(LOAD_DIR);
        List<LoadFolder> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).sorted().forEach(d -> out.add(new LoadFolder(d)));
        }
        return out;
    }

    /** {@code profiles/<workload-id>/} with its typed artifact accessors. */
    public ProfileFolder profiles(String workloadId) {
        return new ProfileFolder(profilesDir(workloadId), workloadId);
    }

    /** Every profile artifact of the run, by the naming contract. */
    public ProfileInventory profileInventory() throws IOException {
        return ProfileInventory.scan(path.resolve(PROFILES_DIR));
    }

    public Path reportHtml() {
        return path.resolve(REPORT_HTML);
    }

    public Path reportMarkdown() {
        return path.resolve(REPORT_MD);
    }

    /**
     * {@code diff/<workload-id>-<event>.html}, relative to the run folder (the report links it relatively):
     * the differential flame graph of one workload against a baseline.
     */
    public static String flameDiffRelative(String workloadId, dev.oktyv.results.profile.EventKind event) {
        return DIFF_DIR + "/" + workloadId + "-" + event.id() + ".html";
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

    /**
     * {@code performance/}: the readiness performance phase's JMH run, laid out as a run folder of its own (same
     * id) so that the {@code run} command's code writes into it unchanged.
     */
    public RunFolder performance() {
        return new RunFolder(path.resolve(PERFORMANCE_DIR), id);
    }

    /** {@code performance/profiled/}: the top benchmarks run again with profiling, apart from the measurement. */
    public RunFolder performanceProfiled() {
        return new RunFolder(path.resolve(PERFORMANCE_DIR).resolve(PROFILED_DIR), id);
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
