package dev.oktyv.system.monitoring.alert;

/** How a rule compares the observed value with its threshold. NaN (no data) never satisfies any of them. */
public enum Comparison {
    GREATER_THAN(">"), GREATER_OR_EQUAL(">="), LESS_THAN("<"), LESS_OR_EQUAL("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
            case LESS_THAN -> value < threshold;
            case LESS_OR_EQUAL -> value <= threshold;
        };
    }

    public String symbol() {
        return symbol;
    }
}
