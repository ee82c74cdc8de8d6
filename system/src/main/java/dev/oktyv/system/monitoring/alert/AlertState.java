package dev.oktyv.system.monitoring.alert;

/** Where a rule stands. */
public enum AlertState {
    /** The condition does not hold. */
    INACTIVE,
    /** The condition holds but not yet for the rule's {@code for} duration. */
    PENDING,
    /** The alert has fired and has not resolved. */
    FIRING
}
