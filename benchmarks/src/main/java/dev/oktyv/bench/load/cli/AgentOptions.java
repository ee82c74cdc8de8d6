package dev.oktyv.bench.load.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --agents N --agent-index I [--start-at T]}: this process is one of N load agents (a picocli mixin). The
 * same command runs on every agent; each takes its share of the load and they start together, so
 * {@code load merge} can add their histograms into the fleet's.
 */
public final class AgentOptions {

    @Option(names = "--agents", paramLabel = "N", description = "This process is one of N load agents: it offers 1/N of the load.")
    Integer agents;
    @Option(names = "--agent-index", paramLabel = "I", description = "Which agent, 0..N-1 (its schedule phase).")
    Integer index;
    @Option(names = "--start-at", paramLabel = "T", description = "Shared start time of the agents: epoch milliseconds or ISO-8601 (2026-12-03T13:00:00Z).")
    String startAt;

    /** The share, or empty without {@code --agents}; @throws IllegalArgumentException naming the bad value */
    Optional<AgentShare> share() {
        if (agents == null) {
            if (index != null || startAt != null) {
                throw new IllegalArgumentException("--agent-index and --start-at need --agents N");
            }
            return Optional.empty();
        }
        if (agents < 1) {
            throw new IllegalArgumentException("--agents must be >= 1, got " + agents);
        }
        if (index == null) {
            throw new IllegalArgumentException("--agents " + agents + " needs --agent-index 0.." + (agents - 1));
        }
        if (index < 0 || index >= agents) {
            throw new IllegalArgumentException("--agent-index must be in 0.." + (agents - 1) + ", got " + index);
        }
        return Optional.of(new AgentShare(index, agents, startAt == null ? Optional.empty()
                : Optional.of(parseStart(startAt))));
    }

    static Instant parseStart(String text) {
        if (text.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start-at must be epoch milliseconds or ISO-8601 like"
                    + " 2026-12-03T13:00:00Z, got '" + text + "'", e);
        }
    }
}
