package dev.oktyv.bench.load.cli;

import dev.oktyv.bench.load.fleet.K8sManifest;
import dev.oktyv.results.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --emit k8s [-o FILE]} with {@code --agents N}: instead of running, write the Kubernetes manifest that runs
 * this same load from N agents (a picocli mixin; see {@link K8sManifest}).
 */
public final class EmitOptions {

    /** How long after emitting the agents start when no --start-at is given: time to apply the manifest. */
    static final Duration DEFAULT_START_DELAY = Duration.ofMinutes(2);

    /** Options that describe the fleet or this invocation, not the scenario: never passed on to the agents. */
    private static final Set<String> NOT_PASSED_ON = Set.of("--emit", "-o", "--output", "--image", "--results-claim",
            "--agents", "--agent-index", "--start-at", "--results-dir",
            // Only `load merge` publishes the fleet's run; an agent publishing its share would add N partial runs.
            "--store", "--store-password", "--vault-dir");
    private static final Set<String> FLAGS_NOT_PASSED_ON = Set.of("--quiet");

    @Option(names = "--emit", paramLabel = "k8s", description = "With --agents N: write a Kubernetes manifest (Indexed Job of N agents) instead of running.")
    String emit;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where --emit writes (default: standard output).")
    Path output;
    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "oktyv-bench:latest", description = "--emit: container image with the jar at /app/oktyv-bench.jar (default ${DEFAULT-VALUE}).")
    String image;
    @Option(names = "--results-claim", paramLabel = "PVC", defaultValue = "oktyv-results", description = "--emit: PersistentVolumeClaim (ReadWriteMany) for the agents' run folders (default ${DEFAULT-VALUE}).")
    String resultsClaim;

    boolean given() {
        return emit != null;
    }

    /** Validates before anything is written; @throws IllegalArgumentException naming the bad value */
    K8sManifest manifest(List<String> originalArgs, AgentOptions agents, Clock clock) {
        if (!"k8s".equals(emit)) {
            throw new IllegalArgumentException("--emit supports k8s, got '" + emit + "'");
        }
        if (agents.agents == null || agents.agents < 1) {
            throw new IllegalArgumentException("--emit k8s needs --agents N (N >= 1)");
        }
        if (agents.index != null) {
            throw new IllegalArgumentException("--emit k8s writes all N agents; each pod gets its --agent-index from"
                    + " JOB_COMPLETION_INDEX, so do not give one");
        }
        List<String> args = scenarioArguments(originalArgs);
        if (!HttpTargetOptions.redacted(args).equals(args)) {
            throw new IllegalArgumentException("--emit k8s would put a --header value (headers carry credentials) into a ConfigMap; give the"
                    + " header to the agents through a Kubernetes Secret instead");
        }
        Instant start = agents.startAt == null ? clock.instant().plus(DEFAULT_START_DELAY)
                : AgentOptions.parseStart(agents.startAt);
        return new K8sManifest("oktyv-load", agents.agents, start, args, image, resultsClaim);
    }

    /** The load arguments without the sub-command name and the fleet's own options. */
    static List<String> scenarioArguments(List<String> originalArgs) {
        List<String> out = new ArrayList<>();
        for (int i = originalArgs.isEmpty() || !originalArgs.get(0).equals("load") ? 0 : 1; i < originalArgs.size(); i++) {
            String a = originalArgs.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (NOT_PASSED_ON.contains(name)) {
                if (!a.contains("=")) {
                    i++;
                }
            } else if (!FLAGS_NOT_PASSED_ON.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    void write(K8sManifest manifest, PrintWriter stdout) throws IOException {
        String yaml = manifest.yaml();
        if (output == null) {
            stdout.print(yaml);
            stdout.flush();
        } else {
            AtomicFiles.writeString(output, yaml);
            stdout.println("wrote " + output + ": ConfigMap and Indexed Job of " + manifest.agents()
                    + " agents, starting at " + manifest.startAt());
            stdout.flush();
        }
    }
}
