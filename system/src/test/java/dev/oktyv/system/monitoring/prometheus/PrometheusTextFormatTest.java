package dev.oktyv.system.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.system.monitoring.MetricKey;
import dev.oktyv.system.monitoring.MetricsCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextFormatTest {

    private static MetricsCollector sample() {
        MetricsCollector c = new MetricsCollector();
        c.increment("oktyv_requests_total", 41);
        c.increment("oktyv_requests_total");
        c.counter(MetricKey.of("oktyv.errors-total", "route", "GET /vault/{vault}/{key}", "reason", "say \"hi\"\\\nbye"))
                .increment(3);
        for (int i = 1; i <= 1000; i++) {
            c.histogram(MetricKey.of("oktyv_http_request_duration_seconds", "route", "GET /health", "status", "2xx"))
                    .record(i / 1000.0);
        }
        c.track("9lives", 5L);
        c.histogram(MetricKey.of("empty_seconds"));
        return c;
    }

    @Test
    void matchesGoldenFile() throws IOException {
        String text = PrometheusTextFormat.write(sample().snapshot());
        assertThat(text).isEqualTo(resource("exposition-golden.txt"));
    }

    @Test
    void parsesBackWithTheValuesThatWereRecorded() {
        Map<String, StrictPrometheusParser.Family> families =
                StrictPrometheusParser.parse(PrometheusTextFormat.write(sample().snapshot()));

        assertThat(families.get("oktyv_requests_total").type()).isEqualTo("counter");
        assertThat(families.get("oktyv_requests_total").samples().get(0).value()).isEqualTo(42.0);

        StrictPrometheusParser.Sample err = families.get("oktyv_errors_total").samples().get(0);
        assertThat(err.labels()).containsEntry("reason", "say \"hi\"\\\nbye")
                .containsEntry("route", "GET /vault/{vault}/{key}");

        StrictPrometheusParser.Family http = families.get("oktyv_http_request_duration_seconds");
        assertThat(http.type()).isEqualTo("summary");
        Map<String, Double> byName = new java.util.HashMap<>();
        http.samples().forEach(s -> byName.put(s.name() + s.labels().getOrDefault("quantile", ""), s.value()));
        assertThat(byName.get("oktyv_http_request_duration_seconds_count")).isEqualTo(1000.0);
        // 1 ms .. 1 s uniformly: sum 500.5 s, median 0.5 s, within the 2-digit histogram precision.
        assertThat(byName.get("oktyv_http_request_duration_seconds_sum")).isCloseTo(500.5, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(byName.get("oktyv_http_request_duration_seconds0.5")).isCloseTo(0.5, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(byName.get("oktyv_http_request_duration_seconds0.99")).isCloseTo(0.99, org.assertj.core.data.Percentage.withPercentage(1));

        assertThat(families).containsKey("_9lives");
        StrictPrometheusParser.Family empty = families.get("empty_seconds");
        assertThat(empty.samples()).filteredOn(s -> s.labels().containsKey("quantile"))
                .allSatisfy(s -> assertThat(s.value()).isNaN());
    }

    @Test
    void collidingNamesAreLeftOutNotDuplicated() {
        MetricsCollector c = new MetricsCollector();
        c.increment("a.b");
        c.increment("a-b");
        String text = PrometheusTextFormat.write(c.snapshot());
        assertThat(StrictPrometheusParser.parse(text)).containsOnlyKeys("a_b");
        assertThat(text).contains("# oktyv: counter a.b left out");
    }

    @Test
    void labelCollisionsAreRenamedNotDuplicated() {
        MetricsCollector c = new MetricsCollector();
        c.histogram(MetricKey.of("lat_seconds", "quantile", "user", "a-b", "1", "a_b", "2")).record(1.0);
        Map<String, StrictPrometheusParser.Family> f = StrictPrometheusParser.parse(PrometheusTextFormat.write(c.snapshot()));
        assertThat(f.get("lat_seconds").samples().get(0).labels())
                .containsEntry("quantile_", "user").containsEntry("a_b", "1").containsEntry("a_b_", "2")
                .containsEntry("quantile", "0.5");
    }

    @Test
    void strictParserRejectsWhatAScraperWould() {
        assertThatThrownBy(() -> StrictPrometheusParser.parse("x 1")).hasMessageContaining("line feed");
        assertThatThrownBy(() -> StrictPrometheusParser.parse("x 1\n")).hasMessageContaining("no TYPE");
        assertThatThrownBy(() -> StrictPrometheusParser.parse("# TYPE x counter\nx{a=\"\\t\"} 1\n"))
                .hasMessageContaining("bad escape");
        assertThatThrownBy(() -> StrictPrometheusParser.parse("# TYPE x counter\nx 1\nx 2\n"))
                .hasMessageContaining("duplicate series");
        assertThatThrownBy(() -> StrictPrometheusParser.parse("# TYPE x counter\n# TYPE x counter\n"))
                .hasMessageContaining("second TYPE");
        assertThatThrownBy(() -> StrictPrometheusParser.parse("# TYPE 1x counter\n"))
                .hasMessageContaining("bad metric name");
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        assertThat(PrometheusNames.number(0.25)).isEqualTo("0.25");
        assertThat(PrometheusNames.number(3)).isEqualTo("3");
        assertThat(PrometheusNames.number(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusNames.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PrometheusTextFormatTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
