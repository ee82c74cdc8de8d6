package dev.oktyv.system.service.routes;

import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.monitoring.prometheus.PrometheusTextFormat;
import dev.oktyv.system.service.HttpMethod;
import dev.oktyv.system.service.Request;
import dev.oktyv.system.service.Response;
import dev.oktyv.system.service.Route;

/** {@code GET /metrics}: every metric of the collector in the Prometheus text format 0.0.4. Needs the token. */
public final class MetricsRoute implements Route {

    private final MetricsCollector collector;

    public MetricsRoute(MetricsCollector collector) {
        this.collector = collector;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.GET;
    }

    @Override
    public String path() {
        return "/metrics";
    }

    @Override
    public Response handle(Request request) {
        return Response.text(200, PrometheusTextFormat.CONTENT_TYPE, PrometheusTextFormat.write(collector.snapshot()));
    }
}
