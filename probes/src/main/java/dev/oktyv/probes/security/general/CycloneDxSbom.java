package dev.oktyv.probes.security.general;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Maven components of a CycloneDX JSON SBOM (the {@code cyclonedx-maven-plugin} output). Nested
 * components count too; the SBOM's own subject ({@code metadata.component}) is not a dependency and is skipped.
 */
public final class CycloneDxSbom {

    private CycloneDxSbom() {
    }

    public static List<Component> components(String json) {
        try {
            JsonObject root = JsonInput.parse(json).getAsJsonObject();
            if (!root.has("bomFormat") || !"CycloneDX".equals(root.get("bomFormat").getAsString())) {
                throw new IllegalArgumentException("not a CycloneDX JSON SBOM (bomFormat is not CycloneDX)");
            }
            List<Component> out = new ArrayList<>();
            if (root.has("components")) {
                collect(root.getAsJsonArray("components"), out);
            }
            return List.copyOf(out);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("not a readable CycloneDX JSON SBOM: " + e.getMessage(), e);
        }
    }

    private static void collect(Iterable<JsonElement> components, List<Component> out) {
        for (JsonElement e : components) {
            JsonObject c = e.getAsJsonObject();
            // Only Maven libraries have an OSV "Maven" package name; a component without a group or version
            // (a file, an OS package) cannot be matched and is left out.
            if (c.has("group") && c.has("name") && c.has("version")) {
                out.add(new Component(c.get("group").getAsString(), c.get("name").getAsString(),
                        c.get("version").getAsString()));
            }
            if (c.has("components")) {
                collect(c.getAsJsonArray("components"), out);
            }
        }
    }
}
