package dev.oktyv.bench.load.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.OktyvBench;
import dev.oktyv.results.ResultsStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class K8sEmitTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int load(String... args) {
        List<String> all = new ArrayList<>(List.of("load"));
        all.addAll(List.of(args));
        return OktyvBench.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void emitsAConfigMapAndAnIndexedJobOfNAgentsThatParsesAsYaml() throws Exception {
        Path file = tmp.resolve("fleet.yaml");
        int exit = load("--url", "http://service:8080/api", "--rate", "400", "--duration", "5m",
                "--results-dir", tmp.resolve("results").toString(), "--agents", "4", "--emit", "k8s", "-o",
                file.toString(), "--start-at", "2026-12-03T14:00:00Z", "--image", "registry/oktyv:1");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(new ResultsStore(tmp.resolve("results")).list()).as("emitting runs nothing").isEmpty();

        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object d : new Yaml().loadAll(Files.readString(file))) {
            docs.add((Map<String, Object>) d);
        }
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("ConfigMap", "Job");
        Map<String, Object> data = (Map<String, Object>) docs.get(0).get("data");
        assertThat(((String) data.get(K8sManifest.ARGS_KEY)).split("\n")).containsExactly("--url",
                "http://service:8080/api", "--rate", "400", "--duration", "5m");

        Map<String, Object> job = docs.get(1);
        assertThat(job.get("apiVersion")).isEqualTo("batch/v1");
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertThat(spec).containsEntry("completions", 4).containsEntry("parallelism", 4)
                .containsEntry("completionMode", "Indexed");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        assertThat(pod).containsEntry("restartPolicy", "Never");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertThat(container).containsEntry("image", "registry/oktyv:1");
        String script = ((List<String>) container.get("args")).get(0);
        assertThat(script).contains("load \"$@\"").contains("--agents 4")
                .contains("--agent-index \"$JOB_COMPLETION_INDEX\"").contains("--start-at 2026-12-03T14:00:00Z")
                .contains("/results/agent-$JOB_COMPLETION_INDEX");
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) pod.get("volumes");
        assertThat(volumes).extracting(v -> v.get("name")).containsExactly("scenario", "results");
        assertThat(((Map<String, Object>) volumes.get(0).get("configMap")).get("name"))
                .isEqualTo(((Map<String, Object>) docs.get(0).get("metadata")).get("name"));
    }

    @Test
    void emitErrorsAreUsageErrors() {
        assertThat(load("--url", "http://s/", "--rate", "10", "--emit", "k8s")).isEqualTo(2);
        assertThat(err.toString()).contains("needs --agents N");
        assertThat(load("--url", "http://s/", "--rate", "10", "--agents", "2", "--emit", "helm")).isEqualTo(2);
        assertThat(err.toString()).contains("got 'helm'");
        assertThat(load("--url", "http://s/", "--rate", "10", "--agents", "2", "--agent-index", "1", "--emit",
                "k8s")).isEqualTo(2);
        assertThat(err.toString()).contains("JOB_COMPLETION_INDEX");
        assertThat(load("--url", "http://s/", "--rate", "10", "--agents", "2", "--emit", "k8s", "--header",
                "Authorization: Bearer s3cr3t-token")).isEqualTo(2);
        assertThat(err.toString()).contains("Secret").doesNotContain("s3cr3t-token");
        assertThat(out.toString()).doesNotContain("s3cr3t-token");
    }
}
