package dev.oktyv.probes.archfixture;

import dev.oktyv.analysis.model.Direction;

/** Fixture of ArchitectureTest: a probe class that uses the consumer's model. Never used. */
public final class ProbeReadsTheAnalysisModel {

    private ProbeReadsTheAnalysisModel() {
    }

    static Object direction() {
        return Direction.values()[0];
    }
}
