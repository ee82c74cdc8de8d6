package dev.oktyv.probes.security.general;

import java.util.Objects;

/** One library in the SBOM, by Maven coordinates. */
public record Component(String group, String name, String version) {

    public Component {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** {@code group:name}, the package name OSV uses for Maven. */
    public String packageName() {
        return group + ":" + name;
    }

    @Override
    public String toString() {
        return packageName() + ":" + version;
    }
}
