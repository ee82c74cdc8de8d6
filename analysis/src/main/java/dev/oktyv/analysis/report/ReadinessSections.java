package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Fmt;
import dev.oktyv.results.load.LatencyStats;
import dev.oktyv.results.load.LoadSummary;
import dev.oktyv.results.readiness.CriterionOutcome;
import dev.oktyv.results.readiness.Figure;
import dev.oktyv.results.readiness.PerformanceEvidence;
import dev.oktyv.results.readiness.Phase;
import dev.oktyv.results.readiness.PhaseResult;
import dev.oktyv.results.readiness.PhaseStatus;
import dev.oktyv.results.readiness.ReadinessReport;
import dev.oktyv.results.recovery.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.results.security.SecurityFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The content of a readiness report, once, as sections of paragraphs, bullets and tables; {@link ReadinessMarkdown}
 * and {@link ReadinessHtml} only render it, so the two pages cannot disagree.
 */
final class ReadinessSections {

    /** A piece of text, a link when {@code href} (relative to the run folder) is present. */
    record Cell(String text, Optional<String> href) {
        static Cell of(String text) {
            return new Cell(text, Optional.empty());
        }

        static Cell link(String path) {
            return new Cell(path, Optional.of(path));
        }
    }

    /** @param rowKeys one key per row (the phase's wire name in the phase table), empty strings elsewhere */
    record Table(String cssClass, String caption, List<String> headers, List<List<Cell>> rows, List<String> rowKeys) {
        Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            rowKeys = List.copyOf(rowKeys);
        }
    }

    record Section(String heading, int level, List<String> paragraphs, List<Cell> bullets, List<Table> tables) {
        Section {
            paragraphs = List.copyOf(paragraphs);
            bullets = List.copyOf(bullets);
            tables = List.copyOf(tables);
        }
    }

    private ReadinessSections() {
    }

    static String title(ReadinessPages.Input in) {
        return "Production readiness: run " + in.folder().id();
    }

    static String verdict(ReadinessReport r) {
        long selected = r.selected().size();
        return (r.ready() ? "✅ READY" : "❌ NOT READY") + " — " + selected + " of " + Phase.values().length
                + " phases selected, " + (r.quick() ? "--quick" : "default") + " run, started "
                + r.startedAt() + ", took " + String.format(Locale.ROOT, "%.1f s", r.elapsed().toNanos() / 1e9);
    }

    static List<Section> all(ReadinessPages.Input in) {
        List<Section> out = new ArrayList<>();
        out.add(summary(in.report()));
        out.add(load(in));
        out.add(security(in));
        out.add(performance(in.report()));
        out.add(monitoring(in.report()));
        out.add(recovery(in));
        return out;
    }

    /** Failing criteria first, then the five phases, then every criterion as applied. */
    static Section summary(ReadinessReport r) {
        List<Cell> failing = new ArrayList<>();
        for (PhaseResult p : r.blocking()) {
            if (p.status() == PhaseStatus.NOT_RUN) {
                failing.add(Cell.of(p.phase().title() + ": not run (" + p.notRunReason().orElseThrow() + ")"));
            }
            for (CriterionOutcome c : p.criteria()) {
                if (!c.met()) {
                    failing.add(Cell.of(p.phase().title() + ": " + c.requirement() + " failed, measured " + c.measured()));
                }
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<List<Cell>> criteria = new ArrayList<>();
        for (PhaseResult p : r.phases()) {
            keys.add(p.phase().wireName());
            rows.add(List.of(Cell.of(p.phase().title()), Cell.of(status(r, p)),
                    Cell.of(p.band().map(b -> b.label()).orElse("—")), Cell.of(figures(p.figures())),
                    Cell.of(p.status() == PhaseStatus.NOT_RUN ? "—"
                            : String.format(Locale.ROOT, "%.1f s", p.elapsed().toNanos() / 1e9))));
            for (CriterionOutcome c : p.criteria()) {
                criteria.add(List.of(Cell.of(p.phase().title()), Cell.of(c.met() ? "✅" : "❌"),
                        Cell.of(c.requirement()), Cell.of(c.measured())));
            }
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("phases", "", List.of("phase", "status", "band", "figures", "elapsed"), rows, keys));
        if (!criteria.isEmpty()) {
            tables.add(new Table("criteria", "Criteria as applied", List.of("phase", "met", "criterion", "measured"), criteria,
                    criteria.stream().map(c -> "").toList()));
        }
        return new Section(failing.isEmpty() ? "Phases" : "Failing criteria, then the phases", 3,
                List.of(verdict(r)), failing, tables);
    }

    static String status(ReadinessReport r, PhaseResult p) {
        return switch (p.status()) {
            case READY -> "✅ ready";
            case NOT_READY -> "❌ not ready";
            case NOT_RUN -> (r.selected().contains(p.phase()) ? "⚠️ not run: " : "⏭️ ") + p.notRunReason().orElseThrow();
        };
    }

    static String figures(List<Figure> figures) {
        return figures.isEmpty() ? "—" : figures.stream()
                .map(f -> f.name() + " " + (Double.isNaN(f.value()) ? "not measured"
                        : Fmt.plain(round(f.value())) + " " + f.unit()))
                .collect(Collectors.joining("; "));
    }

    private static double round(double v) {
        return Math.abs(v) >= 1e15 ? v : Math.round(v * 100) / 100.0;
    }

    /** The seed's per-scenario key metrics. */
    static Section load(ReadinessPages.Input in) {
        if (in.loads().isEmpty()) {
            return new Section("Load", 3, List.of("No load scenario results in this run folder."), List.of(), List.of());
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (LoadSummary s : in.loads()) {
            boolean corrected = s.corrected().applicable();
            LatencyStats l = corrected ? s.corrected() : s.uncorrected();
            long total = s.totals().total();
            rows.add(List.of(Cell.of(s.scenarioId()), Cell.of(Long.toString(total)),
                    Cell.of(total == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100.0 * s.totals().ok() / total)),
                    Cell.of(Fmt.score(s.rates().achievedPerSecond())), Cell.of(Fmt.score(l.meanMicros() / 1e3)),
                    Cell.of(Fmt.score(l.p95Micros() / 1e3)), Cell.of(corrected ? "corrected" : "service time"),
                    Cell.of(String.format(Locale.ROOT, "%+.1f", (s.jvm().heapUsedAfterBytes()
                            - s.jvm().heapUsedBeforeBytes()) / 1048576.0))));
        }
        return new Section("Load", 3, List.of("Latency corrected (from the intended start) where the run had an"
                + " intended rate, else service time; heap change over the measured phase."), List.of(),
                List.of(new Table("load", "", List.of("scenario", "requests", "success", "req/s", "avg ms", "p95 ms",
                        "latency", "heap Δ MiB"), rows, rows.stream().map(x -> "").toList())));
    }

    static Section security(ReadinessPages.Input in) {
        if (in.security().isEmpty()) {
            return new Section("Security", 3, List.of("No security results in this run folder."), List.of(), List.of());
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (SecurityFinding f : in.security().get().findings()) {
            if (f.verdict() == ProbeVerdict.FAIL) {
                rows.add(List.of(Cell.of(f.probeId()), Cell.of(f.severity().name()), Cell.of(f.title()), Cell.of(f.fix())));
            }
        }
        String score = "Score " + Fmt.plain(round(in.security().get().score().score())) + "; " + rows.size()
                + " failed probe" + (rows.size() == 1 ? "" : "s") + " (details in security.json, security.sarif).";
        return new Section("Security", 3, List.of(score), List.of(), rows.isEmpty() ? List.of()
                : List.of(new Table("security", "Failed probes", List.of("probe", "severity", "title", "fix"), rows,
                        rows.stream().map(x -> "").toList())));
    }

    static Section performance(ReadinessReport r) {
        Optional<PerformanceEvidence> ev = r.performance();
        if (ev.isEmpty()) {
            return new Section("Performance", 3, List.of("The performance phase did not run JMH in this run."),
                    List.of(), List.of());
        }
        PerformanceEvidence e = ev.get();
        List<Table> tables = new ArrayList<>();
        tables.add(table("slowest", "Slowest operations (JMH sample time)", List.of("benchmark", "avg ms", "p95 ms"), e.slowest().stream()
                .map(t -> List.of(Cell.of(t.benchmark()), Cell.of(Fmt.score(t.averageMillis())),
                        Cell.of(Fmt.score(t.p95Millis())))).toList()));
        if (!e.gains().isEmpty()) {
            tables.add(table("gains", "Paired optimisation variants: measured gain (99% interval)", List.of("optimisation", "pair", "speed-up", "interval", "outcome"), e.gains().stream()
                    .map(g -> List.of(Cell.of(g.kind()), Cell.of(g.label()),
                            Cell.of(String.format(Locale.ROOT, "%.2f×", g.speedup())),
                            Cell.of(Double.isNaN(g.low()) ? "none" : String.format(Locale.ROOT, "[%.2f×, %.2f×]", g.low(), g.high())),
                            Cell.of(g.outcome()))).toList()));
        }
        if (!e.recommendations().isEmpty()) {
            tables.add(table("recommendations", "Top bottleneck recommendations", List.of("severity", "finding", "evidence", "fix", "see"),
                    e.recommendations().stream().map(x -> List.of(Cell.of(x.severity()), Cell.of(x.summary()),
                            Cell.of(String.join("; ", x.evidence())), Cell.of(x.fix()),
                            x.links().isEmpty() ? Cell.of("—") : Cell.link(x.links().get(0)))).toList()));
        }
        if (!e.profiled().isEmpty()) {
            tables.add(table("profiled", "Profiled benchmarks", List.of("benchmark", "why", "cpu engine", "flame graph"), e.profiled().stream()
                    .map(p -> List.of(Cell.of(p.benchmark()), Cell.of(p.reason()), Cell.of(p.engine()),
                            p.flameGraphs().isEmpty() ? Cell.of("none written") : Cell.link(p.flameGraphs().get(0))))
                    .toList()));
        }
        List<Cell> links = new ArrayList<>();
        links.add(Cell.link(e.jmhJson()));
        e.recommendations().forEach(x -> x.links().stream().skip(1).map(Cell::link).forEach(l -> {
            if (!links.contains(l)) {
                links.add(l);
            }
        }));
        return new Section("Performance", 3, List.of("JMH: " + e.plan() + "; " + e.benchmarksRun() + " results"
                + (e.failed().isEmpty() ? "" : ", failed: " + String.join(", ", e.failed())) + "."), links, tables);
    }

    static Section monitoring(ReadinessReport r) {
        PhaseResult p = r.phases().get(Phase.MONITORING.ordinal());
        return figuresSection("Monitoring", p, r);
    }

    static Section recovery(ReadinessPages.Input in) {
        if (in.recovery().isEmpty()) {
            return figuresSection("Recovery", in.report().phases().get(Phase.RECOVERY.ordinal()), in.report());
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (ProbeOutcome o : in.recovery().get().outcomes()) {
            rows.add(List.of(Cell.of(o.probeId()), Cell.of(o.verdict().wireName()), Cell.of(o.fault()),
                    Cell.of(o.summary()), Cell.of(Fmt.score(o.recoveryMillis()))));
        }
        return new Section("Recovery", 3, List.of("Success rate " + Fmt.plain(round(in.recovery().get()
                .successRatePercent())) + "% (recovery.json)."), List.of(), List.of(table("recovery", "",
                List.of("probe", "verdict", "fault", "summary", "recovery ms"), rows)));
    }

    private static Section figuresSection(String heading, PhaseResult p, ReadinessReport r) {
        if (p.status() == PhaseStatus.NOT_RUN) {
            return new Section(heading, 3, List.of(status(r, p)), List.of(), List.of());
        }
        return new Section(heading, 3, List.of(), List.of(), List.of(table(p.phase().wireName() + "-figures", "",
                List.of("figure", "value", "unit"), p.figures().stream().map(f -> List.of(Cell.of(f.name()),
                        Cell.of(Double.isNaN(f.value()) ? "not measured" : Fmt.plain(round(f.value()))),
                        Cell.of(f.unit()))).toList())));
    }

    private static Table table(String css, String caption, List<String> headers, List<List<Cell>> rows) {
        return new Table(css, caption, headers, rows, rows.stream().map(x -> "").toList());
    }
}
