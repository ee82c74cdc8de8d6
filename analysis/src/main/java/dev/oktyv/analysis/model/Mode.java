package dev.oktyv.analysis.model;

/** JMH benchmark modes, with the short names JMH writes in its JSON. */
public enum Mode {
    THROUGHPUT("thrpt"),
    AVERAGE_TIME("avgt"),
    SAMPLE_TIME("sample"),
    SINGLE_SHOT("ss");

    private final String shortName;

    Mode(String shortName) {
        this.shortName = shortName;
    }

    public String shortName() {
        return shortName;
    }

    public static Mode fromShortName(String s) {
        for (Mode m : values()) {
            if (m.shortName.equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown JMH mode '" + s + "', expected one of thrpt, avgt, sample, ss");
    }
}
