package dev.oktyv.analysis.compare;

/** One output format of a {@link Comparison}; see {@link ComparisonFormat} for the factory. */
public interface ComparisonWriter {

    String write(Comparison comparison);
}
