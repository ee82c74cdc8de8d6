package dev.oktyv.analysis.latency;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * A load scenario's {@code latency.hlog} (HdrHistogram interval log), split by tag. The load runner writes tags
 * {@code corrected} (latency from the intended start, free of coordinated omission) and {@code service} (from the
 * actual start). Values are nanoseconds.
 */
public record LatencyLog(Path source, Map<String, List<Interval>> byTag) {

    public static final String CORRECTED = "corrected";
    public static final String SERVICE = "service";

    /** One interval histogram; {@code startMillis} is absolute (epoch) when the log has a base time. */
    public record Interval(double startSeconds, double lengthSeconds, Histogram histogram) {
    }

    public static LatencyLog read(Path file) throws IOException {
        Map<String, List<Interval>> out = new LinkedHashMap<>();
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(file.toFile());
        } catch (FileNotFoundException e) {
            throw new IOException(file + " does not exist");
        }
        try {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (!(h instanceof Histogram hist)) {
                    continue;
                }
                String tag = h.getTag() == null ? "untagged" : h.getTag();
                double start = h.getStartTimeStamp() / 1000.0;
                double length = (h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0;
                out.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Interval(start, length, hist));
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable HdrHistogram log (" + e.getMessage() + ")", e);
        } finally {
            reader.close();
        }
        return new LatencyLog(file, out);
    }

    public Optional<Histogram> total(String tag) {
        List<Interval> is = byTag.get(tag);
        if (is == null || is.isEmpty()) {
            return Optional.empty();
        }
        Histogram sum = new Histogram(is.get(0).histogram().getNumberOfSignificantValueDigits());
        is.forEach(i -> sum.add(i.histogram()));
        return Optional.of(sum);
    }

    /** p99 in nanoseconds of a tag, NaN when the tag is absent or empty. */
    public double p99Nanos(String tag) {
        return total(tag).filter(h -> h.getTotalCount() > 0).map(h -> (double) h.getValueAtPercentile(99))
                .orElse(Double.NaN);
    }
}
