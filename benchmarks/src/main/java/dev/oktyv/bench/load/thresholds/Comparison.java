package dev.oktyv.bench.load.thresholds;

/** The operator of a threshold. A NaN observation never satisfies one: a missing figure is not a pass. */
public enum Comparison {
    LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">="), EQUAL("=="), LESS("<"), GREATER(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double observed, double limit) {
        if (Double.isNaN(observed)) {
            return false;
        }
        return switch (this) {
            case LESS -> observed < limit;
            case LESS_OR_EQUAL -> observed <= limit;
            case GREATER -> observed > limit;
            case GREATER_OR_EQUAL -> observed >= limit;
            case EQUAL -> observed == limit;
        };
    }
}
