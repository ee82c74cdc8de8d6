package dev.oktyv.results.store.pg;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The run folders of {@code src/test/resources/store-fixtures/}, copied where a test may publish and change them,
 * shared through this test-jar with the benchmarks module's store tests instead of a copy there that could drift.
 */
public final class StoreFixtures {

    private static final String ROOT = "/store-fixtures/";

    private StoreFixtures() {
    }

    /**
     * Copies every fixture run folder into {@code to} (created if absent). They are on the class path as a folder
     * (this module's tests, {@code mvn test} elsewhere) or inside this test-jar ({@code mvn verify} of a module
     * that depends on it), found through the run folder {@code anyRunId}.
     */
    public static Path copyTo(String anyRunId, Path to) throws IOException {
        java.net.URL url = StoreFixtures.class.getResource(ROOT + anyRunId + "/run.json");
        if (url == null) {
            throw new IllegalArgumentException("no store fixture '" + anyRunId + "' on the class path");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url + " is not a URI", e);
        }
        if (!"jar".equals(uri.getScheme())) {
            FileTrees.copyTree(Path.of(uri).getParent().getParent(), to);
            return to;
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            FileTrees.copyTree(jar.provider().getPath(uri).getParent().getParent(), to);
        }
        return to;
    }
}
