package dev.oktyv.results.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The severity-weighted score over the probes that ran: {@code 100 × passed weight / weight run}. Not-applicable
 * and not-run probes count in neither total. The phase is READY when the score reaches {@link #READY_SCORE} and no
 * CRITICAL probe failed; with nothing run the score is NaN and the phase is not ready.
 *
 * @param failedBySeverity failed probes per severity, every severity present (zero when none failed)
 */
public record SecurityScore(int passedWeight, int runWeight, double score, int total, int passed, int failed,
                            int notApplicable, int notRun, Map<Severity, Integer> failedBySeverity,
                            boolean ready) {

    /** The seed's production-readiness criterion: "Security score ≥ 90/100". */
    public static final double READY_SCORE = 90.0;

    public SecurityScore {
        failedBySeverity = Map.copyOf(failedBySeverity);
    }

    public static SecurityScore of(List<SecurityFinding> findings) {
        int passedWeight = 0;
        int runWeight = 0;
        int passed = 0;
        int failed = 0;
        int notApplicable = 0;
        int notRun = 0;
        boolean criticalFailed = false;
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        for (SecurityFinding f : findings) {
            int w = f.severity().weight();
            switch (f.verdict()) {
                case PASS -> {
                    passed++;
                    passedWeight += w;
                    runWeight += w;
                }
                case FAIL -> {
                    failed++;
                    runWeight += w;
                    bySeverity.merge(f.severity(), 1, Integer::sum);
                    criticalFailed |= f.severity() == Severity.CRITICAL;
                }
                case NOT_APPLICABLE -> notApplicable++;
                case NOT_RUN -> notRun++;
            }
        }
        double score = runWeight == 0 ? Double.NaN : 100.0 * passedWeight / runWeight;
        boolean ready = runWeight > 0 && score >= READY_SCORE && !criticalFailed;
        return new SecurityScore(passedWeight, runWeight, score, findings.size(), passed, failed, notApplicable,
                notRun, bySeverity, ready);
    }
}
