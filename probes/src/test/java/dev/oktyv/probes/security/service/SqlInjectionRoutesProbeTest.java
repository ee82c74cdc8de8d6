package dev.oktyv.probes.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The route-level injection probe against the same H2-backed routes with bound and with concatenated SQL. */
@Timeout(60)
class SqlInjectionRoutesProbeTest {

    @TempDir
    Path scratch;

    private ProbeOutcome run(ServiceTarget service) throws Exception {
        return new SqlInjectionRoutesProbe().run(SecurityTarget.builder().scratchDir(scratch)
                .with(ServiceTarget.class, service).build());
    }

    @Test
    void failsWhenTheRoutesConcatenateSql() throws Exception {
        try (SqlItemService weak = new SqlItemService(true)) {
            ProbeOutcome o = run(weak.target());
            assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
            assertThat(o.evidence())
                    .anyMatch(e -> e.matches("field payload #\\d+ \\(.*\\): HTTP 500 with a database error in the answer"))
                    .anyMatch(e -> e.matches("id payload #\\d+: HTTP 200, expected 400 or 404"))
                    .anyMatch(e -> e.contains("the canary item"));
            assertThat(String.join("\n", o.evidence())).doesNotContain(SqlItemService.TOKEN);
        }
    }

    @Test
    void passesWhenValuesAreBoundAndIdsParsed() throws Exception {
        try (SqlItemService careful = new SqlItemService(false)) {
            ProbeOutcome o = run(careful.target());
            assertThat(o.verdict()).as(String.valueOf(o.evidence())).isEqualTo(ProbeVerdict.PASS);
            assertThat(o.evidence().get(0)).startsWith(SqlInjectionRoutesProbe.FIELD_PAYLOADS.size() + " of ");
        }
    }

    @Test
    void notRunWhenTheServiceCannotCreateItems() throws Exception {
        try (WeakService noDb = WeakService.with()) {
            ProbeOutcome o = run(noDb.target());
            assertThat(o.verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
            assertThat(o.reason()).hasValueSatisfying(r -> assertThat(r).contains("answered 400"));
        }
    }
}
