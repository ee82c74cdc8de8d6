package dev.oktyv.bench.load.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Kubernetes manifest of a fleet of N load agents: a ConfigMap holding the scenario's {@code load} arguments
 * (one per line, so an argument with spaces stays one argument) and an Indexed Job of N pods, all at once
 * (completions = parallelism = N), each running {@code load ARGS --agents N --agent-index $JOB_COMPLETION_INDEX
 * --start-at T} into its own folder of the shared results volume, ready for {@code load merge}.
 *
 * @param resultsClaim a PersistentVolumeClaim every pod can mount (ReadWriteMany), where the agents' run folders go
 */
public record K8sManifest(String name, int agents, Instant startAt, List<String> loadArguments, String image,
                          String resultsClaim) {

    static final String ARGS_KEY = "load-args";

    public K8sManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startAt, "startAt");
        loadArguments = List.copyOf(loadArguments);
        if (agents < 1) {
            throw new IllegalArgumentException("--agents must be >= 1, got " + agents);
        }
        if (!name.matches("[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?")) {
            throw new IllegalArgumentException("a Kubernetes name is lower-case letters, digits and '-', got '" + name + "'");
        }
    }

    public String yaml() {
        StringBuilder args = new StringBuilder();
        for (String a : loadArguments) {
            if (a.contains("\n")) {
                throw new IllegalArgumentException("a load argument with a line break cannot go into the ConfigMap: "
                        + quote(a));
            }
            args.append("    ").append(a).append('\n');
        }
        // The shell reads the arguments line by line into "$@", so none is split or globbed.
        String script = "set --; while IFS= read -r a; do set -- \"$@\" \"$a\"; done < /config/" + ARGS_KEY
                + "; exec java -jar /app/oktyv-bench.jar load \"$@\" --quiet --agents " + agents
                + " --agent-index \"$JOB_COMPLETION_INDEX\" --start-at " + startAt
                + " --results-dir \"/results/agent-$JOB_COMPLETION_INDEX\"";
        return "# oktyv-bench load fleet: " + agents + " agents, shared start " + startAt + "\n"
                + "# kubectl apply -f this file; then oktyv-bench load merge on the agents' run folders (docs/fleet.md)\n"
                + "apiVersion: v1\n"
                + "kind: ConfigMap\n"
                + "metadata:\n"
                + "  name: " + name + "-scenario\n"
                + "data:\n"
                + "  " + ARGS_KEY + ": |\n"
                + args
                + "---\n"
                + "apiVersion: batch/v1\n"
                + "kind: Job\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "spec:\n"
                + "  completions: " + agents + "\n"
                + "  parallelism: " + agents + "\n"
                + "  completionMode: Indexed\n"
                + "  backoffLimit: 0\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      labels:\n"
                + "        app: " + name + "\n"
                + "    spec:\n"
                + "      restartPolicy: Never\n"
                + "      containers:\n"
                + "        - name: agent\n"
                + "          image: " + quote(image) + "\n"
                + "          command: [\"sh\", \"-c\"]\n"
                + "          args:\n"
                + "            - " + quote(script) + "\n"
                + "          volumeMounts:\n"
                + "            - name: scenario\n"
                + "              mountPath: /config\n"
                + "            - name: results\n"
                + "              mountPath: /results\n"
                + "      volumes:\n"
                + "        - name: scenario\n"
                + "          configMap:\n"
                + "            name: " + name + "-scenario\n"
                + "        - name: results\n"
                + "          persistentVolumeClaim:\n"
                + "            claimName: " + quote(resultsClaim) + "\n";
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
