package dev.oktyv.analysis.rules;

/** A threshold a rule compared against, reported with every result so a reader can judge the verdict. */
public record Threshold(String name, double value, String unit) {
}
