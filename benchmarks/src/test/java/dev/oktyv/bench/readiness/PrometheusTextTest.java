package dev.oktyv.bench.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    static final String TEXT = """
            # TYPE oktyv_http_request_duration_seconds summary
            oktyv_http_request_duration_seconds{route="PUT /vault/{vault}/{key}",status="2xx",quantile="0.5"} 0.0012
            oktyv_http_request_duration_seconds_count{route="PUT /vault/{vault}/{key}",status="2xx"} 48
            oktyv_http_request_duration_seconds_count{route="PUT /vault/{vault}/{key}",status="4xx"} 2
            oktyv_http_request_duration_seconds_count{route="GET /odd \\"q\\\\",status="2xx"} 7 1700000000000
            oktyv_http_request_duration_seconds{route="GET /health",status="2xx",quantile="0.99"} NaN
            """;

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        PrometheusText p = PrometheusText.parse(TEXT);
        assertThat(p.sum("oktyv_http_request_duration_seconds_count",
                l -> "PUT /vault/{vault}/{key}".equals(l.get("route")))).isEqualTo(50.0);
        assertThat(p.sum("oktyv_http_request_duration_seconds_count",
                l -> "PUT /vault/{vault}/{key}".equals(l.get("route")) && "4xx".equals(l.get("status")))).isEqualTo(2.0);
        // Escaped quote and backslash in a label value; a trailing timestamp is not the value.
        assertThat(p.sum("oktyv_http_request_duration_seconds_count", l -> "GET /odd \"q\\".equals(l.get("route"))))
                .isEqualTo(7.0);
        assertThat(p.samples()).hasSize(5);
    }

    @Test
    void noMatchingSampleIsNotMeasuredRatherThanZero() {
        assertThat(PrometheusText.parse(TEXT).sum("oktyv_http_request_duration_seconds_count",
                l -> "DELETE /x".equals(l.get("route")))).isNaN();
    }

    @Test
    void aMalformedLineNamesItsNumber() {
        assertThatThrownBy(() -> PrometheusText.parse("# ok\nmetric{route=unquoted} 1\n"))
                .hasMessageContaining("/metrics line 2").hasMessageContaining("metric{route=unquoted} 1");
        assertThatThrownBy(() -> PrometheusText.parse("metric 12,5\n")).hasMessageContaining("/metrics line 1");
    }
}
