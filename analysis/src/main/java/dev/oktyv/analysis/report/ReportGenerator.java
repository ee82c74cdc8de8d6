package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Comparison;
import dev.oktyv.analysis.latency.LatencyLog;
import dev.oktyv.analysis.rules.AnalysisInput;
import dev.oktyv.analysis.rules.AnalysisInputLoader;
import dev.oktyv.analysis.rules.Rules;
import dev.oktyv.results.AtomicFiles;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Writes {@code report.html} and {@code report.md} into a run folder (atomically, replacing an older report). */
public final class ReportGenerator {

    public static final String HTML = RunFolder.REPORT_HTML;
    public static final String MARKDOWN = RunFolder.REPORT_MD;

    private ReportGenerator() {
    }

    public static ReportInput collect(RunFolder folder, Optional<Comparison> comparison) throws IOException {
        AnalysisInput in = AnalysisInputLoader.load(folder);
        return new ReportInput(in.run(), comparison, Rules.evaluate(in), folder.profileInventory(), latency(folder));
    }

    public static void write(RunFolder folder, ReportInput in) throws IOException {
        AtomicFiles.writeString(folder.reportHtml(), HtmlReport.write(in));
        AtomicFiles.writeString(folder.reportMarkdown(), MarkdownReport.write(in));
    }

    private static Map<String, LatencyLog> latency(RunFolder folder) throws IOException {
        Map<String, LatencyLog> out = new TreeMap<>();
        for (LoadFolder load : folder.loads()) {
            if (Files.isRegularFile(load.latencyLog())) {
                out.put(load.name(), LatencyLog.read(load.latencyLog()));
            }
        }
        return out;
    }
}
