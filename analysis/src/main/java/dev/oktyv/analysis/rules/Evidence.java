package dev.oktyv.analysis.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One number a rule based its result on, where it was measured and which file it came from.
 *
 * @param subject the benchmark, workload or load scenario
 * @param source  the artifact (a .jfr, a .collapsed, jmh.json, summary.json); relative to the run folder when possible
 */
public record Evidence(String subject, String quantity, double value, String unit, Path source) {

    public Evidence {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }
}
