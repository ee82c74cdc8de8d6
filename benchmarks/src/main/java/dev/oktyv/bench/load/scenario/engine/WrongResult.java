package dev.oktyv.bench.load.scenario.engine;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.results.load.FailureKind;

/**
 * An operation that completed but returned the wrong thing (a missing row, different file bytes). It is a failure
 * like any other: a fast wrong answer must not count as a success. Details are fixed strings, so failures group.
 */
final class WrongResult {

    private WrongResult() {
    }

    static Outcome of(String what) {
        return new Outcome(FailureKind.EXCEPTION, "wrong result: " + what);
    }
}
