package dev.oktyv.analysis.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.analysis.model.LoadEvidence.StressStep;
import dev.oktyv.results.load.StressLevel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadEvidenceTest {

    @Test
    void oneStressRunDoesNotMixRatesAndWorkers() {
        Path p = Path.of("latency.hlog");
        List<StressStep> mixed = List.of(new StressStep("a", StressLevel.rate(100), 100, 1e6, 0, p),
                new StressStep("b", StressLevel.workers(8), 100, 1e6, 0, p));
        assertThatThrownBy(() -> new LoadEvidence("http", p, 1, 0, 0, 1e6, 1e6, mixed))
                .hasMessageContaining("stress steps of http mix level kinds");
    }
}
