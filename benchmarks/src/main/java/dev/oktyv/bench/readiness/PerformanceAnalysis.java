package dev.oktyv.bench.readiness;

import dev.oktyv.analysis.rules.AnalysisInput;
import dev.oktyv.analysis.rules.AnalysisInputLoader;
import dev.oktyv.analysis.rules.Evidence;
import dev.oktyv.analysis.rules.PairedVariantRule;
import dev.oktyv.analysis.rules.Rule;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.Rules;
import dev.oktyv.analysis.rules.Severity;
import dev.oktyv.analysis.rules.WorkloadProfile;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.profile.ArtifactFormat;
import dev.oktyv.results.profile.EventKind;
import dev.oktyv.results.profile.ProfileArtifact;
import dev.oktyv.results.profile.ProfileInventory;
import dev.oktyv.results.readiness.PerformanceEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code analyze}'s rules over the performance phase: the measured JMH run ({@code performance/}) for the paired
 * variants and the scores, the profiled run ({@code performance/profiled/}) for the hot-method, allocation and lock
 * rules, and the load phase's scenarios for the load rules. The same {@link Rules} as {@code analyze}, over an
 * input assembled from the three places instead of one folder.
 *
 * @param gains           every paired variant's measured gain
 * @param recommendations the top {@value #TOP} findings of the other rules, most severe first, plus the best
 *                        finding from the profiles when none of the three is one
 * @param consoleLines    the lines the phase prints: gains, then the recommendations
 */
record PerformanceAnalysis(List<PerformanceEvidence.Gain> gains, List<PerformanceEvidence.Recommendation> recommendations,
                           List<String> consoleLines) {

    static final int TOP = 3;
    static final int EVIDENCE_LINES = 6;

    static PerformanceAnalysis of(RunFolder root) throws IOException {
        AnalysisInput measured = AnalysisInputLoader.load(root.performance());
        RunFolder profiledFolder = root.performanceProfiled();
        List<WorkloadProfile> profiles = Files.isDirectory(profiledFolder.path())
                ? AnalysisInputLoader.load(profiledFolder).profiles() : List.of();
        AnalysisInput in = new AnalysisInput(measured.run(), profiles, AnalysisInputLoader.load(root).loads());
        List<PerformanceEvidence.Gain> gains = PairedVariantRule.measuredGains(in);
        ProfileInventory flames = Files.isDirectory(profiledFolder.path()) ? profiledFolder.profileInventory()
                : new ProfileInventory(List.of());
        // The paired-variants rule is reported as the gains above; its finding would repeat them.
        List<RuleResult> findings = Rules.evaluate(in).stream()
                .filter(r -> r.applicable() && r.severity() != Severity.OK && !r.ruleId().equals("paired-variants"))
                .toList();
        List<RuleResult> top = new ArrayList<>(findings.subList(0, Math.min(TOP, findings.size())));
        // Load findings are often the loudest; the profiled benchmarks' best finding keeps a place of its own, so
        // the flame graphs the phase captured are linked from a recommendation and not only listed.
        Set<String> profileRules = new java.util.HashSet<>(Rules.profileBased().stream().map(Rule::id).toList());
        if (top.stream().noneMatch(r -> profileRules.contains(r.ruleId()))) {
            findings.stream().filter(r -> profileRules.contains(r.ruleId())).findFirst().ifPresent(top::add);
        }
        List<PerformanceEvidence.Recommendation> recs = top.stream().map(r -> recommendation(root, r, flames)).toList();
        List<String> lines = new ArrayList<>();
        for (PerformanceEvidence.Gain g : gains) {
            lines.add("gain " + gainText(g));
        }
        if (gains.isEmpty()) {
            lines.add("no paired variant (variant=baseline|…, …Batched/…OneByOne) among the benchmarks run");
        }
        int i = 0;
        for (PerformanceEvidence.Recommendation r : recs) {
            lines.add("recommendation " + (++i) + " [" + r.severity() + "] " + r.summary()
                    + (r.links().isEmpty() ? "" : " (" + r.links().get(0) + ")"));
        }
        if (recs.isEmpty()) {
            lines.add("no bottleneck rule reached INFO or above");
        }
        return new PerformanceAnalysis(gains, recs, lines);
    }

    /** e.g. {@code connection pooling: A vs B: 6.30× [5.10×, 7.70×], gain shown}. */
    static String gainText(PerformanceEvidence.Gain g) {
        String interval = Double.isNaN(g.low()) ? "no interval" : String.format(Locale.ROOT, "[%.2f×, %.2f×]", g.low(),
                g.high());
        return String.format(Locale.ROOT, "%s: %s: %.2f× %s, %s", g.kind(), g.label(), g.speedup(), interval,
                g.outcome().replace('-', ' '));
    }

    /** The rule's finding with its evidence; links: the flame graphs of the workloads it names, then its sources. */
    private static PerformanceEvidence.Recommendation recommendation(RunFolder root, RuleResult r, ProfileInventory flames) {
        List<String> evidence = new ArrayList<>();
        Set<String> links = new LinkedHashSet<>();
        for (Evidence e : r.evidence()) {
            if (evidence.size() < EVIDENCE_LINES) {
                evidence.add(String.format(Locale.ROOT, "%s: %s = %.4g %s", e.subject(), e.quantity(), e.value(),
                        e.unit()));
            }
        }
        // The files of the workload the summary names come first (flame graphs, then sources): the console and the
        // report show one link.
        for (boolean named : new boolean[] {true, false}) {
            for (Evidence e : r.evidence()) {
                if (r.summary().contains(e.subject()) == named) {
                    for (ProfileArtifact a : flames.of(e.subject(), EventKind.CPU, ArtifactFormat.FLAME_HTML)) {
                        links.add(ProfiledBenchmarks.relative(root, a.path()));
                    }
                }
            }
        }
        for (boolean named : new boolean[] {true, false}) {
            for (Evidence e : r.evidence()) {
                if (r.summary().contains(e.subject()) == named) {
                    links.add(ProfiledBenchmarks.relative(root, e.source()));
                }
            }
        }
        return new PerformanceEvidence.Recommendation(r.ruleId(), r.title(), r.severity().wireName(), r.summary(), r.fix(),
                evidence, List.copyOf(links));
    }
}
