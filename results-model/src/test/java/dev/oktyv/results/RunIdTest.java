package dev.oktyv.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunIdTest {

    @Test
    void encodesUtcStartCommitAndDirtyFlag() {
        RunId id = RunId.of(Instant.parse("2026-01-02T03:04:05.999Z"), "0123456789", true);
        assertThat(id.value()).isEqualTo("20260102T030405Z-0123456789-dirty");
        assertThat(id.startedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(id.shortCommit()).isEqualTo("0123456789");
        assertThat(id.dirty()).isTrue();
        assertThat(id.withSuffix(2).value()).isEqualTo("20260102T030405Z-0123456789-dirty-2");
        assertThat(id.withSuffix(2).withSuffix(3).value()).isEqualTo("20260102T030405Z-0123456789-dirty-3");
    }

    @Test
    void rejectsNamesThatAreNotRunIds() {
        assertThatThrownBy(() -> new RunId("../etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../etc'");
        assertThat(RunId.isRunId("20260102T030405Z-XYZ")).isFalse();
        assertThat(RunId.isRunId("20260102T030405Z-unknown-2")).isTrue();
        assertThatThrownBy(() -> RunId.of(Instant.EPOCH, "abc", false).withSuffix(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
