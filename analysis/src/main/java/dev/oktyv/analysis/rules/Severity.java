package dev.oktyv.analysis.rules;

/** JMC-style severity of a rule result, in increasing order. */
public enum Severity {
    OK, INFO, WARNING, CRITICAL;

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
