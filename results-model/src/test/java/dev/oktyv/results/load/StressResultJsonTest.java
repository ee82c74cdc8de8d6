package dev.oktyv.results.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StressResultJsonTest {

    static StressResult sample() {
        return new StressResult(StressResult.FORMAT_VERSION, "http", StressLevel.Kind.CONCURRENCY, 5.0,
                List.of("p99<50ms", "error_rate<1%"),
                List.of(new StressResult.Step("step-01-10", 10, 9_000.5, 1_200.0, 0.0, 0, true),
                        new StressResult.Step("step-02-50", 50, 20_000.0, 8_000.0, 0.0, 0, true),
                        new StressResult.Step("step-03-100", 100, 21_000.0, 60_000.0, 0.0, 0, false),
                        new StressResult.Step("step-04-200", 200, 22_000.0, 40_000.0, 0.0, 0, true)));
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(StressResultJson.write(sample())).isEqualTo(LoadSummaryJsonTest.resource("stress-v1.json"));
    }

    @Test
    void readsItBack() throws IOException {
        assertThat(StressResultJson.read(LoadSummaryJsonTest.resource("stress-v1.json"))).isEqualTo(sample());
    }

    @Test
    void highestPassingStepIsTheLastStepBeforeTheFirstFailureEvenIfALaterStepPassesByLuck() {
        assertThat(sample().highestPassingIndex()).hasValue(1);
        StressResult none = new StressResult(1, "x", StressLevel.Kind.RATE, 5, List.of(),
                List.of(new StressResult.Step("step-01-100", 100, 50, Double.NaN, 1.0, 0, false)));
        assertThat(none.highestPassingIndex()).isEmpty();
        assertThat(StressResultJson.write(none)).contains("\"folder\": null");
    }
}
