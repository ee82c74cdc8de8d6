package dev.oktyv.results.recovery;

import dev.oktyv.results.probe.ProbeVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recovery phase of one run ({@code recovery.json}). The success rate counts probes that ran: a probe that
 * could not run (or does not apply) is neither a success nor a failure, it is reported with its reason.
 */
public record RecoveryReport(int formatVersion, Instant startedAt, double elapsedSeconds, List<ProbeOutcome> outcomes) {

    /**
     * 2 since the recovery and security verdicts became one type ({@link ProbeVerdict}): verdicts are written {@code
     * pass}/{@code fail} (1 wrote {@code passed}/{@code failed}) and the totals count {@code notApplicable}. Version 1
     * files are still read.
     */
    public static final int FORMAT_VERSION = 2;

    public RecoveryReport {
        Objects.requireNonNull(startedAt, "startedAt");
        outcomes = List.copyOf(outcomes);
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("recovery.json formatVersion must be " + FORMAT_VERSION + ", was "
                    + formatVersion);
        }
    }

    public long count(ProbeVerdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }

    /** Passed over passed + failed, in percent; NaN when no probe ran. */
    public double successRatePercent() {
        long ran = count(ProbeVerdict.PASS) + count(ProbeVerdict.FAIL);
        return ran == 0 ? Double.NaN : 100.0 * count(ProbeVerdict.PASS) / ran;
    }

    /** The seed's band; empty when no probe ran. */
    public Optional<SuccessBand> band() {
        double rate = successRatePercent();
        return Double.isNaN(rate) ? Optional.empty() : Optional.of(SuccessBand.of(rate));
    }

    /** True when at least one probe ran and none failed: the command's exit 0. */
    public boolean allPassed() {
        return count(ProbeVerdict.FAIL) == 0 && count(ProbeVerdict.PASS) > 0;
    }
}
