package dev.oktyv.bench.load.thresholds;

/**
 * What a threshold constrains. Latency metrics read the corrected latency when the run has one and the service
 * time otherwise (a closed model without an intended rate); the outcome names which was used.
 */
public sealed interface Metric {

    /** Name as written in the expression. */
    String name();

    /** Unit the limit is given in and the observation is compared in. */
    Unit unit();

    enum Unit { MICROS, FRACTION, COUNT, PER_SECOND }

    record Percentile(double percentile, String name) implements Metric {
        public Percentile {
            if (!(percentile > 0 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
            }
        }

        @Override
        public Unit unit() {
            return Unit.MICROS;
        }
    }

    record Mean() implements Metric {
        public String name() {
            return "mean";
        }

        public Unit unit() {
            return Unit.MICROS;
        }
    }

    record Max() implements Metric {
        public String name() {
            return "max";
        }

        public Unit unit() {
            return Unit.MICROS;
        }
    }

    /** Failed operations over all measured operations. */
    record ErrorRate() implements Metric {
        public String name() {
            return "error_rate";
        }

        public Unit unit() {
            return Unit.FRACTION;
        }
    }

    /** Intended starts skipped in the measured window. */
    record Dropped() implements Metric {
        public String name() {
            return "dropped";
        }

        public Unit unit() {
            return Unit.COUNT;
        }
    }

    /**
     * Intended starts dropped over intended starts (measured operations plus dropped ones): how far the generator
     * fell behind its schedule. Not applicable (NaN) to a run without an intended rate.
     */
    record DroppedRate() implements Metric {
        public String name() {
            return "dropped_rate";
        }

        public Unit unit() {
            return Unit.FRACTION;
        }
    }

    /** Achieved operations per second. */
    record Rate() implements Metric {
        public String name() {
            return "rate";
        }

        public Unit unit() {
            return Unit.PER_SECOND;
        }
    }
}
