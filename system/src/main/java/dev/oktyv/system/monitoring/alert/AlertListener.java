package dev.oktyv.system.monitoring.alert;

/** Receives fired and resolved events. It may throw: the manager logs it and carries on with other listeners. */
@FunctionalInterface
public interface AlertListener {

    void onEvent(AlertEvent event) throws Exception;
}
