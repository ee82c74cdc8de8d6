package dev.oktyv.probes.security.general;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the dependency probes check: the SBOM of the running suite (or a given one) and the advisories to match
 * it against.
 *
 * @param sbomLabel where the SBOM came from, for the evidence
 * @param sbomJson  the CycloneDX JSON, or empty when the build wrote none
 */
public record DependencyTarget(String sbomLabel, Optional<String> sbomJson, AdvisorySource advisories) {

    /** The SBOM the build puts into the uber-jar (the CycloneDX Maven plugin in the benchmarks module). */
    public static final String SBOM_RESOURCE = "/META-INF/sbom/oktyv-bench.cdx.json";

    public DependencyTarget {
        Objects.requireNonNull(sbomLabel, "sbomLabel");
        Objects.requireNonNull(sbomJson, "sbomJson");
        Objects.requireNonNull(advisories, "advisories");
    }

    /** The SBOM on the class path, as built into the uber-jar. */
    public static DependencyTarget onClassPath(AdvisorySource advisories) throws IOException {
        try (InputStream in = DependencyTarget.class.getResourceAsStream(SBOM_RESOURCE)) {
            return new DependencyTarget("class path " + SBOM_RESOURCE, in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)), advisories);
        }
    }

    public static DependencyTarget ofFile(Path sbom, AdvisorySource advisories) throws IOException {
        return new DependencyTarget(sbom.toString(), Optional.of(Files.readString(sbom, StandardCharsets.UTF_8)),
                advisories);
    }
}
