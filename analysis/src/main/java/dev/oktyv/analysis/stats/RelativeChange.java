package dev.oktyv.analysis.stats;

/**
 * The estimated relative change {@code candidate / baseline - 1} with a two-sided confidence interval at
 * level {@code 1 - alpha}, and the p-value of "no change". All NaN when it cannot be estimated; then
 * {@link #reason} says why.
 *
 * @param equivalenceLower lower end of the {@code 1 − 2·alpha} interval, used for the equivalence (TOST) half of
 *                         the verdict: "unchanged" needs this narrower interval inside ±threshold
 * @param baselineForks  independent samples (forks) on the baseline side
 * @param candidateForks independent samples (forks) on the candidate side
 */
public record RelativeChange(double estimate, double lower, double upper, double pValue, double degreesOfFreedom,
                             double equivalenceLower, double equivalenceUpper, int baselineForks, int candidateForks,
                             String reason) {

    public static RelativeChange notEstimable(int baselineForks, int candidateForks, String reason) {
        return new RelativeChange(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, baselineForks,
                candidateForks, reason);
    }

    public boolean estimable() {
        return !Double.isNaN(pValue);
    }
}
