package dev.oktyv.system.vault;

/**
 * How a vault's master key is derived from its passphrase, and the weakest derivation this process accepts
 * when it opens an existing vault.
 *
 * <p>Not a record on purpose: a record's canonical constructor would be public, and the only way to get an
 * iteration count below {@link #MINIMUM_ITERATIONS} must be the loudly named {@link #insecureForTestsOnly}.
 */
public final class KdfParams {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int MINIMUM_ITERATIONS = 600_000;
    public static final int DEFAULT_ITERATIONS = MINIMUM_ITERATIONS;
    /**
     * Upper bound accepted from a header: a tampered header with a valid checksum could otherwise make
     * {@code open} spin for hours before the passphrase check fails.
     */
    public static final int MAXIMUM_ITERATIONS = 100_000_000;
    public static final int SALT_BYTES = 16;

    private final KdfAlgorithm algorithm;
    private final int iterations;
    private final int minimumAcceptedIterations;

    private KdfParams(KdfAlgorithm algorithm, int iterations, int minimumAcceptedIterations) {
        this.algorithm = algorithm;
        this.iterations = iterations;
        this.minimumAcceptedIterations = minimumAcceptedIterations;
    }

    /** PBKDF2-HMAC-SHA256 with {@value #DEFAULT_ITERATIONS} iterations. */
    public static KdfParams defaults() {
        return ofIterations(DEFAULT_ITERATIONS);
    }

    public static KdfParams ofIterations(int iterations) {
        if (iterations < MINIMUM_ITERATIONS || iterations > MAXIMUM_ITERATIONS) {
            throw new IllegalArgumentException("iterations " + iterations + " must be between "
                    + MINIMUM_ITERATIONS + " and " + MAXIMUM_ITERATIONS);
        }
        return new KdfParams(KdfAlgorithm.PBKDF2_HMAC_SHA256, iterations, MINIMUM_ITERATIONS);
    }

    /**
     * A deliberately weak derivation so tests and benchmarks do not spend seconds in PBKDF2. Vaults created
     * with it can be brute-forced; never use it for real secrets. The command line uses it only for throwaway scratch
     * vaults of generated values (the recovery crash probe, whose dozens of reopens must fit its time budget).
     */
    public static KdfParams insecureForTestsOnly(int iterations) {
        if (iterations < 1 || iterations > MAXIMUM_ITERATIONS) {
            throw new IllegalArgumentException("iterations " + iterations + " must be between 1 and "
                    + MAXIMUM_ITERATIONS);
        }
        return new KdfParams(KdfAlgorithm.PBKDF2_HMAC_SHA256, iterations, 1);
    }

    public KdfAlgorithm algorithm() {
        return algorithm;
    }

    public int iterations() {
        return iterations;
    }

    /** Opening a vault whose header asks for fewer iterations than this fails. */
    public int minimumAcceptedIterations() {
        return minimumAcceptedIterations;
    }

    public boolean isInsecure() {
        return minimumAcceptedIterations < MINIMUM_ITERATIONS;
    }

    @Override
    public String toString() {
        return algorithm + " x " + iterations + (isInsecure() ? " (INSECURE, tests only)" : "");
    }
}
