package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Comparison;
import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.model.ProfileArtifacts;
import dev.oktyv.analysis.rules.AnalysisInput;
import dev.oktyv.analysis.rules.AnalysisInputLoader;
import dev.oktyv.analysis.rules.Rules;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes {@code report.html} and {@code report.md} into a run folder (atomically, replacing an older report). */
public final class ReportGenerator {

    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";

    private ReportGenerator() {
    }

    public static ReportInput collect(RunFolder folder, Optional<Comparison> comparison) throws IOException {
        AnalysisInput in = AnalysisInputLoader.load(folder);
        return new ReportInput(in.run(), comparison, Rules.evaluate(in), ProfileArtifacts.scan(folder), latency(folder));
    }

    public static void write(RunFolder folder, ReportInput in) throws IOException {
        AtomicFiles.writeString(folder.path().resolve(HTML), HtmlReport.write(in));
        AtomicFiles.writeString(folder.path().resolve(MARKDOWN), MarkdownReport.write(in));
    }

    private static Map<String, LatencyLog> latency(RunFolder folder) throws IOException {
        Map<String, LatencyLog> out = new TreeMap<>();
        Path root = folder.path().resolve(RunFolder.LOAD_DIR);
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                Path hlog = dir.resolve("latency.hlog");
                if (Files.isRegularFile(hlog)) {
                    out.put(dir.getFileName().toString(), LatencyLog.read(hlog));
                }
            }
        }
        return out;
    }
}
