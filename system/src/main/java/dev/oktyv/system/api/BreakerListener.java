package dev.oktyv.system.api;

/** Receives breaker transitions; called on the thread that caused the transition, so keep it short. */
@FunctionalInterface
public interface BreakerListener {

    void onTransition(BreakerTransition transition);
}
