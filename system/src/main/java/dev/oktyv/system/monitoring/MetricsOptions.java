package dev.oktyv.system.monitoring;

/**
 * How a {@link MetricsCollector} stores tracked values.
 *
 * <p>Values are decimal numbers in the metric's own unit (the unit is part of the name, e.g.
 * {@code request_duration_seconds}). They are stored as fixed-point longs, {@code round(value * 10^fractionDigits)},
 * in HdrHistograms with a fixed range, so memory per metric is bounded and known in advance whatever the traffic.
 *
 * @param fractionDigits        decimal places kept (resolution {@code 10^-fractionDigits} units), 0..9
 * @param highestTrackableValue largest value kept, in the metric's unit; larger values are recorded as this value
 *                              (saturated) rather than thrown away or failing the caller
 * @param significantDigits     HdrHistogram relative precision: quantiles, min, max and mean are exact to within
 *                              {@code 10^-significantDigits} of the value, 1..4
 */
public record MetricsOptions(int fractionDigits, double highestTrackableValue, int significantDigits) {

    /** Microsecond resolution for second-valued latencies, up to 10^6 units, within 1 %. About 170 KiB per series. */
    public static final MetricsOptions DEFAULTS = new MetricsOptions(6, 1e6, 2);

    public MetricsOptions {
        if (fractionDigits < 0 || fractionDigits > 9) {
            throw new IllegalArgumentException("fractionDigits must be 0..9, was " + fractionDigits);
        }
        if (significantDigits < 1 || significantDigits > 4) {
            throw new IllegalArgumentException("significantDigits must be 1..4, was " + significantDigits);
        }
        if (!(highestTrackableValue >= 1)) {
            throw new IllegalArgumentException("highestTrackableValue must be >= 1, was " + highestTrackableValue);
        }
        double highestStored = highestTrackableValue * Math.pow(10, fractionDigits);
        if (highestStored > Long.MAX_VALUE / 4.0 || highestStored < 2) {
            throw new IllegalArgumentException("highestTrackableValue " + highestTrackableValue + " with "
                    + fractionDigits + " fraction digits does not fit a histogram (scaled value " + highestStored + ")");
        }
    }

    /** The multiplier from a value in the metric's unit to its stored long. */
    public long scale() {
        long s = 1;
        for (int i = 0; i < fractionDigits; i++) {
            s *= 10;
        }
        return s;
    }

    public long highestStoredValue() {
        return Math.round(highestTrackableValue * scale());
    }
}
