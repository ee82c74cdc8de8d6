package dev.oktyv.analysis.history;

/**
 * A level shift between point {@code index − 1} and {@code index} of a series.
 *
 * @param change relative change of the mean after the shift over the mean before it
 */
public record ChangePoint(int index, double change, double pValue) {
}
