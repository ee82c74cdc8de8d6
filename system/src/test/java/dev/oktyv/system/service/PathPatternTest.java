package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void variablesMatchOneSegment() {
        PathPattern p = new PathPattern("/vault/{vault}/{key}");
        assertThat(p.match(RequestPath.segments("/vault/app/db"))).contains(Map.of("vault", "app", "key", "db"));
        assertThat(p.match(RequestPath.segments("/vault/app"))).isEmpty();
        assertThat(p.match(RequestPath.segments("/vault/app/db/x"))).isEmpty();
        assertThat(p.match(RequestPath.segments("/vault//db"))).isEmpty();
        assertThat(p.match(RequestPath.segments("/vaults/app/db"))).isEmpty();
    }

    @Test
    void greedyLastVariableTakesTheRest() {
        PathPattern p = new PathPattern("/files/{path...}");
        assertThat(p.match(RequestPath.segments("/files/a/b/c.txt"))).contains(Map.of("path", "a/b/c.txt"));
        assertThat(p.match(RequestPath.segments("/files"))).isEmpty();
    }

    @Test
    void decodingHappensPerSegmentAndRefusesDotSegments() {
        assertThat(RequestPath.segments("/a%2Fb/c%20d+e")).isEqualTo(List.of("a/b", "c d+e"));
        assertThat(RequestPath.segments("/")).isEqualTo(List.of(""));
        assertThatThrownBy(() -> RequestPath.segments("/files/%2E%2E/etc")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> RequestPath.segments("/files/../etc")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> RequestPath.segments("/a%2")).isInstanceOf(ApiException.class);
    }

    @Test
    void badPatternsAreRefusedWithThePattern() {
        assertThatThrownBy(() -> new PathPattern("vault")).hasMessageContaining("vault");
        assertThatThrownBy(() -> new PathPattern("/{a...}/b")).hasMessageContaining("must be last");
        assertThatThrownBy(() -> new PathPattern("/{a}/{a}")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> new PathPattern("/x{a}")).hasMessageContaining("whole segment");
    }
}
