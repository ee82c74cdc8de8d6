package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the growth of a shared service's request count between two scrapes is read against what was sent. */
class RemoteMonitoringTest {

    @Test
    void exactGrowthIsTheCountAndNoOtherTraffic() {
        var g = RemoteMonitoring.growth(Map.of("2xx", 100.0), Map.of("2xx", 150.0), Map.of("2xx", 50));
        assertThat(g.counted()).isEqualTo(50.0);
        assertThat(g.otherTraffic()).isFalse();
    }

    @Test
    void moreThanSentIsOtherTrafficEvenInAClassNothingWasSentIn() {
        var g = RemoteMonitoring.growth(Map.of("2xx", 0.0), Map.of("2xx", 50.0, "4xx", 2.0), Map.of("2xx", 50));
        assertThat(g.counted()).isEqualTo(52.0);
        assertThat(g.otherTraffic()).isTrue();
    }

    @Test
    void aClassThatGrewLessThanWasSentIsAnUndercountThatAnExcessElsewhereCannotHide() {
        var g = RemoteMonitoring.growth(Map.of(), Map.of("2xx", 48.0, "5xx", 9.0), Map.of("2xx", 50, "5xx", 2));
        assertThat(g.counted()).isEqualTo(50.0); // 48 of 50, plus at most the 2 sent as 5xx
        assertThat(g.counted()).isLessThan(52);
        assertThat(g.otherTraffic()).isFalse();
    }

    @Test
    void noSampleForTheRouteIsNotMeasured() {
        assertThat(RemoteMonitoring.growth(Map.of(), Map.of(), Map.of("2xx", 50)).counted()).isNaN();
    }
}
