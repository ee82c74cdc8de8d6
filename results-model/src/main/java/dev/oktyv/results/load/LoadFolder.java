package dev.oktyv.results.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code load/<scenario>/} of a run folder, or one stress step inside it ({@code step-NN-<level>/}), which has the
 * same files:
 * <pre>
 *   summary.json        {@link LoadSummaryJson}
 *   latency.hlog        HdrHistogram interval log, tags corrected and service, values in nanoseconds
 *   latency.hlog.partial  the log while the run goes; renamed when complete
 *   stress.json         {@link StressResultJson}, scenario folder of a stress run only, after the last step
 *   step-NN-&lt;level&gt;/    one per stress step, numbered from 01
 * </pre>
 */
public record LoadFolder(Path path) {

    public static final String SUMMARY_JSON = "summary.json";
    public static final String LATENCY_HLOG = "latency.hlog";
    public static final String PARTIAL_SUFFIX = ".partial";
    public static final String STRESS_JSON = "stress.json";
    private static final Pattern STEP = Pattern.compile("step-(\\d+)-([0-9]+(?:\\.[0-9]+)?)");

    public LoadFolder {
        Objects.requireNonNull(path, "path");
    }

    /** The folder's name: the scenario id, or the step's {@code step-NN-<level>}. */
    public String name() {
        return path.getFileName().toString();
    }

    public Path summary() {
        return path.resolve(SUMMARY_JSON);
    }

    public Path latencyLog() {
        return path.resolve(LATENCY_HLOG);
    }

    /** Where the latency log is streamed while the run goes, so a crashed run leaves an honest partial file. */
    public Path latencyLogPartial() {
        return path.resolve(LATENCY_HLOG + PARTIAL_SUFFIX);
    }

    public Path stress() {
        return path.resolve(STRESS_JSON);
    }

    /** Step {@code number} (from 1) at {@code level}: {@code step-01-10}, decimals kept ({@code step-03-2.5}). */
    public LoadFolder step(int number, double level) {
        return new LoadFolder(path.resolve(stepName(number, level)));
    }

    public static String stepName(int number, double level) {
        if (number < 1) {
            throw new IllegalArgumentException("stress steps are numbered from 1, got " + number);
        }
        String l = level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
        return String.format(Locale.ROOT, "step-%02d-%s", number, l);
    }

    /** The stress steps present, in folder-name order; a folder not named {@code step-NN-<level>} is not a step. */
    public List<Step> steps() throws IOException {
        List<Step> out = new ArrayList<>();
        if (!Files.isDirectory(path)) {
            return out;
        }
        try (Stream<Path> s = Files.list(path)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                Matcher m = STEP.matcher(d.getFileName().toString());
                if (m.matches()) {
                    out.add(new Step(Integer.parseInt(m.group(1)), m.group(2), new LoadFolder(d)));
                }
            }
        }
        return out;
    }

    /** {@code summary.json} when present; a malformed one fails with its path, like any unreadable input. */
    public Optional<LoadSummary> readSummary() throws IOException {
        Path file = summary();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LoadSummaryJson.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a load summary: " + e.getMessage(), e);
        }
    }

    /** {@code stress.json} when present (written after the last step, so a run stopped early has none). */
    public Optional<StressResult> readStress() throws IOException {
        Path file = stress();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StressResultJson.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a stress result: " + e.getMessage(), e);
        }
    }

    /**
     * One {@code step-NN-<level>} folder.
     *
     * @param level the level as spelled in the folder name (workers or arrivals per second, see stress.json)
     */
    public record Step(int number, String level, LoadFolder folder) {
    }
}
