package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.Run;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.RunId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recordings made anywhere (production, {@code profile --pid}, a plain {@code -XX:StartFlightRecording}) as an
 * {@link AnalysisInput}: each {@code .jfr} file is one workload named after the file, with no JMH results and no
 * load data, so that the profile-based rules ({@link Rules#profileBased()}) read them exactly as they read a run's.
 */
public final class JfrFileInput {

    /** The file-name suffix of a recording. */
    public static final String SUFFIX = ".jfr";

    private JfrFileInput() {
    }

    /** Is {@code p} a recording, or a folder holding recordings directly (not a run folder)? */
    public static boolean accepts(Path p) {
        if (Files.isRegularFile(p)) {
            return p.getFileName().toString().endsWith(SUFFIX);
        }
        if (!Files.isDirectory(p) || RunId.isRunId(p.getFileName() == null ? "" : p.getFileName().toString())) {
            return false;
        }
        try {
            return !recordings(p).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param fileOrFolder a {@code .jfr} file or a folder of them (not searched recursively: a run folder's profiles are
     *                     read through the run)
     * @throws IOException a file is not a readable recording, or the folder holds none
     */
    public static AnalysisInput load(Path fileOrFolder) throws IOException {
        List<Path> files = Files.isDirectory(fileOrFolder) ? recordings(fileOrFolder) : List.of(fileOrFolder);
        if (files.isEmpty()) {
            throw new IOException(fileOrFolder + ": no " + SUFFIX + " file in this folder");
        }
        List<WorkloadProfile> profiles = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        for (Path f : files) {
            JfrDigest d = AnalysisInputLoader.digest(f);
            profiles.add(new WorkloadProfile(f.getFileName().toString(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(d)));
            Instant t = Files.getLastModifiedTime(f).toInstant();
            newest = t.isAfter(newest) ? t : newest;
        }
        Path dir = Files.isDirectory(fileOrFolder) ? fileOrFolder : fileOrFolder.toAbsolutePath().getParent();
        // Not a run: the id only names the input in JSON output, from the newest recording's time, commit unknown.
        Run run = new Run(new RunFolder(dir, RunId.of(newest, "unknown", false)), Optional.empty(), List.of());
        return new AnalysisInput(run, profiles, List.of());
    }

    private static List<Path> recordings(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }
}
