package dev.oktyv.bench.load.scenario.http;

import dev.oktyv.bench.filestore.FileLocation;
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

    private final FileLocation location;

    /** Against {@code target}, or the service started in process when null. */
    public ServiceFilesScenario(ServiceTarget target) {
        this(target, FileLocation.localDefault());
    }

    /**
     * @param location the in-process service's file store ({@code load --backend s3}); a running service
     *                 ({@code target}) has its own, so only the default goes with one
     */
    public ServiceFilesScenario(ServiceTarget target, FileLocation location) {
        super(target);
        if (target != null && !location.equals(FileLocation.localDefault())) {
            throw new IllegalArgumentException("--backend/--files apply to the service started in process; the"
                    + " service at --target-url stores files where it was started to");
        }
        this.location = location;
    }

    @Override
    FileLocation fileLocation() {
        return location;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "alternating PUT and GET /files/load/{worker}.bin (" + FILE_BYTES + " bytes) against " + where()
                + (inProcess() ? ", file backend " + location.backend().wireName() : "");
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
