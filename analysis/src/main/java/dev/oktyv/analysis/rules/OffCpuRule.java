package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.model.ThreadGroups;
import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.model.WaitSite;
import dev.oktyv.analysis.model.WallProfile;
import dev.oktyv.analysis.profile.CollapsedStacks;
import dev.oktyv.analysis.profile.WaitClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Where the worker threads wait (socket read, futex, file sync, lock, sleep), with each wait's share of their time
 * and the frame that waited: from a wall-clock profile ({@code --profile wall}, or an async-profiler recording with
 * wall samples: shares of samples) or else from JFR's wait events (thread park, monitor enter and wait, sleep, socket
 * and file I/O, file force: durations over the threads' wall time). In a JMH run the {@code -jmh-worker-} threads are
 * counted (in a collapsed wall profile: the stacks through a JMH stub); elsewhere every thread group that waits in
 * application code is listed and the headline is the heaviest such wait, since a thread idle in the JDK (a pool
 * waiting for tasks, a cleaner, a stream flusher) waits for work, not on something. Waiting is a place to look rather than a defect (a
 * load client is supposed to wait for its server), so this rule stops at WARNING.
 */
public final class OffCpuRule implements Rule {

    static final double INFO_SHARE = 0.20;
    static final double WARNING_SHARE = 0.50;
    /** Evidence per thread group: the heaviest waits only. */
    static final int TOP = 3;

    @Override
    public String id() {
        return "off-cpu";
    }

    @Override
    public String title() {
        return "Off-CPU: where the worker threads wait";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(new Threshold("waiting share of thread time info", INFO_SHARE * 100, "%"),
                new Threshold("waiting share of thread time warning", WARNING_SHARE * 100, "%"));
    }

    /** Waits of one source by thread group, with each group's time in the same unit (samples or nanoseconds). */
    private record Source(String how, Map<WaitSite, Double> weights, ToDoubleFunction<String> groupTime,
                          Map<String, Integer> threadCounts, Path file) {
    }

    @Override
    public RuleResult evaluate(AnalysisInput input) {
        Finding f = new Finding(this, "the worker threads spend little time waiting");
        boolean any = false;
        for (WorkloadProfile p : input.profiles()) {
            // Wall samples see every wait; JFR's thresholded events would only repeat part of it.
            Optional<WallProfile> wall = p.wall().or(() -> p.jfr().stream().flatMap(j -> j.wall().stream()).findFirst());
            List<Source> sources = new ArrayList<>();
            if (wall.isPresent() && wall.get().totalSamples() > 0) {
                Map<String, Double> perGroup = new HashMap<>();
                wall.get().samples().forEach((w, n) -> perGroup.merge(w.threadGroup(), n, Double::sum));
                Map<String, Integer> counts = p.jfr().stream().findFirst().map(JfrDigest::threadsByGroup).orElse(Map.of());
                sources.add(new Source("wall-clock samples", wall.get().samples(), g -> perGroup.getOrDefault(g, 0.0), counts,
                        wall.get().sources().get(0)));
            } else {
                for (JfrDigest j : p.jfr()) {
                    if (j.durationNanos() > 0 && !j.threadsByGroup().isEmpty()) {
                        sources.add(new Source("JFR wait events", j.waits(),
                                g -> j.durationNanos() * j.threadsByGroup().getOrDefault(g, 1), j.threadsByGroup(), j.source()));
                    }
                }
            }
            for (Source s : sources) {
                any = true;
                evaluate(f, p.workloadId(), s);
            }
        }
        if (!any) {
            return RuleResult.notApplicable(this, "no wall-clock profile (--profile wall) and no JFR wait events with"
                    + " thread information in this run");
        }
        return f.result("Time a thread spends blocked (in a socket read, on a futex, in fsync, on a monitor) is invisible"
                        + " to CPU profiles; it bounds throughput as surely as CPU work does. JFR records only waits above"
                        + " its thresholds (10-20 ms), so shares from JFR events are lower bounds.",
                "Look at the waiting frame: batch or pipeline remote calls, pool connections, move fsync off the request"
                        + " path (group commit), and shrink or split contended locks.");
    }

    private void evaluate(Finding f, String workload, Source s) {
        List<String> groups = s.weights().keySet().stream().map(WaitSite::threadGroup).distinct().sorted().toList();
        List<String> workers = ThreadGroups.jmhWorkers(groups);
        if (!workers.isEmpty()) {
            int n = workers.stream().mapToInt(g -> s.threadCounts().getOrDefault(g, 0)).sum();
            String label = n > 0 ? String.format(Locale.ROOT, "JMH worker threads (%d, named *%s*)", n, ThreadGroups.JMH_WORKER)
                    : "JMH worker threads (named *" + ThreadGroups.JMH_WORKER + "*)";
            report(f, workload, label, s, workers, false);
            return;
        }
        if (groups.equals(List.of(CollapsedStacks.JMH_WORKER_STACKS))) {
            report(f, workload, groups.get(0), s, groups, false);
            return;
        }
        // The group with the heaviest wait in application code first: it becomes the headline, the others evidence.
        // Groups that wait only in the JDK or native code (idle pools, GC and compiler threads) wait for work: they
        // are counted, not listed.
        List<String> order = new ArrayList<>(groups.stream().filter(g -> topApplicationShare(s, g) > 0).toList());
        order.sort(Comparator.comparingDouble((String g) -> -topApplicationShare(s, g)).thenComparing(g -> g));
        f.evidence(new Evidence(workload + " [" + s.how() + "]", "thread groups waiting only in JDK or native code (idle, left out)",
                groups.size() - order.size(), "groups", s.file()));
        for (String g : order) {
            Integer n = s.threadCounts().get(g);
            report(f, workload, "thread group " + g + (n == null ? "" : " (" + n + (n == 1 ? " thread)" : " threads)")), s,
                    List.of(g), true);
        }
    }

    private static double topApplicationShare(Source s, String group) {
        double time = s.groupTime().applyAsDouble(group);
        return s.weights().entrySet().stream().filter(e -> e.getKey().threadGroup().equals(group)
                        && e.getKey().kind() != WaitKind.RUNNING && WaitClassifier.isApplication(e.getKey().frame()))
                .mapToDouble(Map.Entry::getValue).max().orElse(0) / (time > 0 ? time : 1);
    }

    /**
     * @param applicationOnly the headline may only be a wait in application code (a recording from elsewhere)
     */
    private void report(Finding f, String workload, String label, Source s, List<String> groups, boolean applicationOnly) {
        double time = groups.stream().mapToDouble(g -> s.groupTime().applyAsDouble(g)).sum();
        Map<WaitSite, Double> merged = new HashMap<>();
        s.weights().forEach((w, v) -> {
            if (groups.contains(w.threadGroup()) && w.kind() != WaitKind.RUNNING) {
                merged.merge(new WaitSite("", w.kind(), w.target(), w.frame()), v, Double::sum);
            }
        });
        if (!(time > 0) || merged.isEmpty()) {
            return;
        }
        List<Map.Entry<WaitSite, Double>> waits = merged.entrySet().stream()
                .sorted(Map.Entry.<WaitSite, Double>comparingByValue().reversed()
                        .thenComparing(e -> describe(e.getKey()), Comparator.naturalOrder()))
                .toList();
        String subject = workload + " [" + label + ", " + s.how() + "]";
        double waiting = waits.stream().mapToDouble(Map.Entry::getValue).sum() / time;
        f.evidence(new Evidence(subject, "waiting share of thread time", waiting * 100, "%", s.file()));
        for (Map.Entry<WaitSite, Double> e : waits.subList(0, Math.min(TOP, waits.size()))) {
            f.evidence(new Evidence(subject, "share in " + describe(e.getKey()), e.getValue() / time * 100, "%", s.file()));
        }
        Optional<Map.Entry<WaitSite, Double>> top = waits.stream()
                .filter(e -> !applicationOnly || WaitClassifier.isApplication(e.getKey().frame())).findFirst();
        if (top.isEmpty()) {
            return;
        }
        double share = top.get().getValue() / time;
        Severity sev = share >= WARNING_SHARE ? Severity.WARNING : share >= INFO_SHARE ? Severity.INFO : Severity.OK;
        f.observe(sev, String.format(Locale.ROOT, "%s: %.1f%% of the time of %s is spent waiting in %s", workload,
                        share * 100, label, describe(top.get().getKey())),
                String.format(Locale.ROOT, "removing the wait in %s gives back at most %.1f%% of the thread time of %s"
                        + " (%.1f%% is spent waiting in all)", top.get().getKey().frame(), share * 100, label, waiting * 100));
    }

    /** "socket read of socket:db:5432 in JdkHttpTransport.send". */
    static String describe(WaitSite w) {
        return w.kind().label() + (w.target().isEmpty() ? "" : " of " + w.target()) + " in " + w.frame();
    }
}
