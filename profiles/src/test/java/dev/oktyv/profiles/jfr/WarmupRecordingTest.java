package dev.oktyv.profiles.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

class WarmupRecordingTest {

    @Test
    void runsWithTheSuiteSettingsUntilDiscardedAndLeavesNothingBehind() {
        WarmupRecording w = WarmupRecording.start();
        try {
            assertThat(w.running()).isTrue();
            Recording r = warmupRecording();
            assertThat(r).isNotNull();
            assertThat(r.isToDisk()).isTrue();
            assertThat(r.getSettings()).containsEntry("jdk.ExecutionSample#period", "10 ms");
        } finally {
            w.discard();
        }
        assertThat(w.running()).isFalse();
        assertThat(warmupRecording()).isNull();
        w.discard(); // twice is harmless
    }

    private static Recording warmupRecording() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> r.getName().startsWith("oktyv warm-up")).findFirst().orElse(null);
    }
}
