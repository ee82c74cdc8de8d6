package dev.oktyv.analysis.stats;

import java.util.Random;

/**
 * Noise model for calibration. A fork's level is {@code mean · (1 + N(0, forkCv))}: JIT decisions, code and
 * heap layout fixed for the life of one JVM (2% is typical for a JMH avgt score on a quiet machine). Within a
 * fork, iterations are {@code level · (1 + e_i)} with AR(1) noise {@code e_i = rho·e_{i−1} + N(0, iterCv·sqrt(1−rho²))}
 * (1% CV, rho 0.5): iterations of one fork are correlated, which is why they are not independent samples.
 */
record SimulatedBenchmark(double forkCv, double iterationCv, double rho) {

    static final SimulatedBenchmark REALISTIC = new SimulatedBenchmark(0.02, 0.01, 0.5);

    double[] forkMeans(Random rnd, double mean, int forks, int iterations) {
        double[] out = new double[forks];
        for (int f = 0; f < forks; f++) {
            double level = mean * (1 + forkCv * rnd.nextGaussian());
            double e = iterationCv * rnd.nextGaussian();
            double sum = 0;
            for (int i = 0; i < iterations; i++) {
                if (i > 0) {
                    e = rho * e + iterationCv * Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
                }
                sum += level * (1 + e);
            }
            out[f] = sum / iterations;
        }
        return out;
    }
}
