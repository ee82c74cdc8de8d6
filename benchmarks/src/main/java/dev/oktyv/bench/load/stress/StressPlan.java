package dev.oktyv.bench.load.stress;

import dev.oktyv.results.load.StressLevel;
import dev.oktyv.results.load.LoadFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a stress run: load levels in increasing order, each held for {@code stepDuration}. Levels are
 * workers ({@link StressLevel.Kind#CONCURRENCY}) or arrivals per second ({@link StressLevel.Kind#RATE}).
 */
public record StressPlan(StressLevel.Kind kind, List<Double> levels, Duration stepDuration) {

    /** The seed's stress test: 10, 50, 100, 200, 500 concurrent workers, 5 s each. */
    public static final String DEFAULT_LEVELS = "10,50,100,200,500";
    public static final String DEFAULT_STEP = "5s";


    public StressPlan {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("--stress-levels needs at least one level");
        }
        for (int i = 0; i < levels.size(); i++) {
            double v = levels.get(i);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("stress level " + v + " must be greater than 0");
            }
            if (kind == StressLevel.Kind.CONCURRENCY && v != Math.rint(v)) {
                throw new IllegalArgumentException("stress level " + v + " must be a whole number of workers");
            }
            if (i > 0 && v <= levels.get(i - 1)) {
                throw new IllegalArgumentException("stress levels must increase, got " + levels);
            }
        }
        if (stepDuration.isZero() || stepDuration.isNegative()) {
            throw new IllegalArgumentException("--stress-step-duration must be longer than zero, got " + stepDuration);
        }
    }

    public static StressPlan parse(StressLevel.Kind kind, String levels, Duration stepDuration) {
        List<Double> out = new ArrayList<>();
        for (String s : levels.split(",", -1)) {
            try {
                out.add(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("stress level '" + s.trim() + "' is not a number");
            }
        }
        return new StressPlan(kind, out, stepDuration);
    }

    /** {@code step-01-10}, {@code step-02-50}, ... (decimals kept: {@code step-03-2.5}). */
    public String folder(int index) {
        return LoadFolder.stepName(index + 1, levels.get(index));
    }
}
