package dev.oktyv.bench.load.archfixture;

import dev.oktyv.analysis.model.Direction;

/** Fixture of ArchitectureTest: a load-runner class that uses the consumer's model. Never used. */
public final class LoadReadsTheAnalysisModel {

    private LoadReadsTheAnalysisModel() {
    }

    static Object direction() {
        return Direction.values()[0];
    }
}
