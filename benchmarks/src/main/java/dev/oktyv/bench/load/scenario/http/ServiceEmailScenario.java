package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.http.HttpRequestSpec;
import java.net.URI;
import java.util.List;

/** The email send over HTTP (seed: 20 concurrent): POST /email/send, delivered to the service's GreenMail. */
public final class ServiceEmailScenario extends ServiceScenario {

    public static final String ID = "service-email";

    /** Against the service started in process. */
    public ServiceEmailScenario() {
        this(null);
    }

    /** Against {@code target}, or the service started in process when null. */
    public ServiceEmailScenario(ServiceTarget target) {
        super(target);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "POST /email/send (one recipient, short text) against " + where()
                + (inProcess() ? " and its GreenMail" : "");
    }

    @Override
    public int defaultConcurrency() {
        return 20;
    }

    @Override
    List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker) {
        return List.of(request(base, "POST", "/email/send", authorization,
                "{\"to\":[\"worker" + worker + "@example.com\"],\"subject\":\"load\",\"body\":\"load test message\"}",
                "application/json"));
    }
}
