package dev.oktyv.results.load;

import java.util.Locale;
import java.util.Objects;

/**
 * The load one stress step applied: arrivals per second offered to an open model ({@link Kind#RATE}), or a number
 * of concurrent workers in a closed model ({@link Kind#CONCURRENCY}). The two are not interchangeable: a worker
 * offers no rate, so a closed step's throughput can only be compared with other closed steps, never with its level.
 *
 * @param value arrivals per second for {@code RATE}, workers for {@code CONCURRENCY}
 */
public record StressLevel(Kind kind, double value) {

    public StressLevel {
        Objects.requireNonNull(kind, "kind");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("stress level " + value + " must be a finite number greater than 0");
        }
        if (kind == Kind.CONCURRENCY && value != Math.rint(value)) {
            throw new IllegalArgumentException("stress level " + value + " must be a whole number of workers");
        }
    }

    public static StressLevel rate(double perSecond) {
        return new StressLevel(Kind.RATE, perSecond);
    }

    public static StressLevel workers(int workers) {
        return new StressLevel(Kind.CONCURRENCY, workers);
    }

    /** The level with its unit, as messages show it: {@code 800/s offered} or {@code 16 workers}. */
    public String label() {
        return switch (kind) {
            case RATE -> String.format(Locale.ROOT, "%.0f/s offered", value);
            case CONCURRENCY -> String.format(Locale.ROOT, "%.0f %s", value, value == 1 ? "worker" : "workers");
        };
    }

    /** What a stress run varied between its steps; the wire names are those of {@code stress.json}'s {@code levelKind}. */
    public enum Kind {
        RATE("rate"), CONCURRENCY("concurrency");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** From {@code stress.json}'s {@code levelKind}. */
        public static Kind ofWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("stress level kind must be concurrency or rate, got '" + name + "'");
        }

        /**
         * From a step's {@code summary.json} model kind: an open model offers a rate, a closed one runs a fixed
         * number of workers.
         */
        public static Kind ofModelKind(LoadSummary.ModelKind modelKind) {
            return switch (modelKind) {
                case OPEN -> RATE;
                case CLOSED -> CONCURRENCY;
            };
        }
    }
}
