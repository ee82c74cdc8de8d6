package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.load.http.HttpRequestSpec;
import java.net.URI;
import java.util.List;

/** The file read/write over HTTP (seed: 30 concurrent): each worker PUTs 4 KiB to its own file, then GETs it. */
public final class ServiceFilesScenario extends ServiceScenario {

    public static final String ID = "service-files";
    static final int FILE_BYTES = 4096;

    /** Against the service started in process. */
    public ServiceFilesScenario() {
        this(null);
    }

    /** Against {@code target}, or the service started in process when null. */
    public ServiceFilesScenario(ServiceTarget target) {
        super(target);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "alternating PUT and GET /files/load/{worker}.bin (" + FILE_BYTES + " bytes) against " + where();
    }

    @Override
    public int defaultConcurrency() {
        return 30;
    }

    @Override
    List<HttpRequestSpec> requests(URI base, HttpRequestSpec.Header authorization, int worker) {
        String path = "/files/load/w" + worker + ".bin";
        String content = ("worker " + worker + " ").repeat(FILE_BYTES).substring(0, FILE_BYTES);
        return List.of(request(base, "PUT", path, authorization, content, "application/octet-stream"),
                request(base, "GET", path, authorization, null, null));
    }
}
