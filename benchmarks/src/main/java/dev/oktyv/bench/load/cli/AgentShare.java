package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.load.executor.LoadModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** Agent {@code index} of {@code agents}: how it turns the fleet's load model into its own share. */
record AgentShare(int index, int agents, Optional<Instant> startAt) {

    /**
     * Open model: the schedule's share (rate / N, phase (index + 1) / N of a gap, see ArrivalSchedule#share) and
     * a share of the workers and backlog; closed model: a share of the workers (and of an intended rate).
     */
    LoadModel apply(LoadModel fleet) {
        if (fleet instanceof LoadModel.Open o) {
            return new LoadModel.Open(o.schedule().share(index, agents), part(o.workers(), "workers"),
                    part(o.maxInFlight(), "--max-in-flight"));
        }
        LoadModel.Closed c = (LoadModel.Closed) fleet;
        OptionalDouble rate = c.intendedRatePerSecond().isPresent()
                ? OptionalDouble.of(c.intendedRatePerSecond().getAsDouble() / agents) : OptionalDouble.empty();
        return new LoadModel.Closed(part(c.concurrency(), "--concurrency"), c.thinkTime(), c.rampUp(), c.warmup(),
                c.measured(), rate);
    }

    /** This agent's part of {@code total} split as evenly as whole numbers allow (the first agents take the rest). */
    int part(int total, String what) {
        int p = total / agents + (index < total % agents ? 1 : 0);
        if (p < 1) {
            throw new IllegalArgumentException(what + " " + total + " cannot be split over " + agents
                    + " agents (agent " + index + " would get none)");
        }
        return p;
    }

    /** How long until the shared start; zero when there is none or it has passed. */
    Duration untilStart(Clock clock) {
        if (startAt.isEmpty()) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(clock.instant(), startAt.get());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
