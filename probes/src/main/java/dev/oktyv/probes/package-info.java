/**
 * Probes that attack ({@code security}) and break ({@code recovery}) the Oktyv engines on purpose. Each probe is
 * one small class behind one interface, found through {@link java.util.ServiceLoader}; outcomes are records of
 * the run-folder model ({@code dev.oktyv.results}), never strings or maps.
 */
package dev.oktyv.probes;
