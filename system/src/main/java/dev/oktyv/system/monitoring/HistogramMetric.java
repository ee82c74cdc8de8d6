package dev.oktyv.system.monitoring;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One tracked series. Writers call {@link #record(double)} from any number of threads: it goes straight into an
 * HdrHistogram {@link Recorder} (wait-free, no lock, no allocation). Readers take this series' own monitor, drain
 * the recorder's interval into two accumulated histograms (current interval and since start) and read those, so
 * readers never block writers and one slow reader only delays readers of the same series.
 */
public final class HistogramMetric {

    private final MetricKey key;
    private final Recorder recorder;
    private final long scale;
    private final long highestStored;
    private final double highestTrackable;

    // Reader side, guarded by this.
    private final Histogram sinceStart;
    private final Histogram interval;
    private Histogram recycled;

    HistogramMetric(MetricKey key, MetricsOptions options) {
        this.key = key;
        this.scale = options.scale();
        this.highestStored = options.highestStoredValue();
        this.highestTrackable = options.highestTrackableValue();
        // Fixed range (not auto-resizing): bounded memory, and no resize pause or allocation on the record path.
        this.recorder = new Recorder(1, highestStored, options.significantDigits());
        this.sinceStart = new Histogram(1, highestStored, options.significantDigits());
        this.interval = new Histogram(1, highestStored, options.significantDigits());
    }

    public MetricKey key() {
        return key;
    }

    /** Records a value in the metric's unit; above the highest trackable value it is saturated to it. */
    public void record(double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("metric " + key.name() + ": value must be >= 0, was " + value);
        }
        long stored = value >= highestTrackable ? highestStored : Math.round(value * scale);
        recorder.recordValue(stored);
    }

    /** Records an integer value in the metric's unit (no floating-point rounding below the resolution). */
    public void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("metric " + key.name() + ": value must be >= 0, was " + value);
        }
        long stored = value >= highestStored / scale ? highestStored : value * scale;
        recorder.recordValue(stored);
    }

    public synchronized MetricStats stats(Window window) {
        drain();
        return MetricStats.of(window == Window.SINCE_START ? sinceStart : interval, scale);
    }

    synchronized void startNewInterval() {
        drain();
        interval.reset();
    }

    private void drain() {
        recycled = recorder.getIntervalHistogram(recycled);
        sinceStart.add(recycled);
        interval.add(recycled);
    }
}
