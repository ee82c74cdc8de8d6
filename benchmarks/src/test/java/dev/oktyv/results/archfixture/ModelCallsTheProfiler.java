package dev.oktyv.results.archfixture;

import dev.oktyv.profiles.capture.ProfileRequest;

/** Fixture of ArchitectureTest: a results-model class that depends on a producer. Never used. */
public final class ModelCallsTheProfiler {

    private ModelCallsTheProfiler() {
    }

    static Object request() {
        return ProfileRequest.parse("cpu");
    }
}
