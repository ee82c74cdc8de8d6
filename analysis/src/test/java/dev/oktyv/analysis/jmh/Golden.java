package dev.oktyv.analysis.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden-file helper: compares with {@code src/test/resources/<name>}; {@code -Dgolden.update=true} rewrites it. */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(String resource, String actual) throws IOException {
        Path src = Path.of("src/test/resources").resolve(resource);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(src.getParent());
            Files.writeString(src, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as("golden file " + resource + " (create with -Dgolden.update=true)").isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
