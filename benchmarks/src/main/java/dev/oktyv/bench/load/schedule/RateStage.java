package dev.oktyv.bench.load.schedule;

import dev.oktyv.bench.duration.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One k6-style stage: over {@code duration} the arrival rate moves linearly from the previous stage's target (0
 * before the first stage) to {@code targetPerSecond}. Rates are per second and may be fractional.
 */
public record RateStage(Duration duration, double targetPerSecond) {

    public RateStage {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("stage duration must be longer than zero, got " + duration);
        }
        if (!(targetPerSecond >= 0) || Double.isInfinite(targetPerSecond)) {
            throw new IllegalArgumentException("stage target rate must be a finite number >= 0, got " + targetPerSecond);
        }
    }

    /** Parses {@code 30s:100,60s:1000,30s:0}; the message names the bad stage. */
    public static List<RateStage> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--stages is empty (expected e.g. 30s:100,60s:1000,30s:0)");
        }
        List<RateStage> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int colon = p.indexOf(':');
            if (colon < 0 || p.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("stage '" + p + "' is not DURATION:RATE (e.g. 30s:100)");
            }
            Duration d;
            double rate;
            try {
                d = Durations.parsePositive("stage duration", p.substring(0, colon));
                rate = Double.parseDouble(p.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("stage '" + p + "': rate '" + p.substring(colon + 1)
                        + "' is not a number of arrivals per second");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stage '" + p + "': " + e.getMessage());
            }
            try {
                out.add(new RateStage(d, rate));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stage '" + p + "': " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
