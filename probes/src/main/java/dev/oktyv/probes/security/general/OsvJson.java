package dev.oktyv.probes.security.general;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.oktyv.results.JsonInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads one OSV JSON advisory (schema 1.x); keeps only its Maven packages and skips withdrawn advisories. */
public final class OsvJson {

    private OsvJson() {
    }

    /** The advisory, or empty when it is withdrawn or names no Maven package. */
    public static Optional<Advisory> read(String json, String source) {
        try {
            JsonObject o = JsonInput.parse(json).getAsJsonObject();
            if (o.has("withdrawn") && !o.get("withdrawn").isJsonNull()) {
                return Optional.empty();
            }
            List<Advisory.Affected> affected = new ArrayList<>();
            if (o.has("affected")) {
                for (JsonElement e : o.getAsJsonArray("affected")) {
                    JsonObject a = e.getAsJsonObject();
                    JsonObject pkg = a.getAsJsonObject("package");
                    if (pkg == null || !"Maven".equals(string(pkg, "ecosystem"))) {
                        continue;
                    }
                    List<String> versions = new ArrayList<>();
                    if (a.has("versions")) {
                        a.getAsJsonArray("versions").forEach(v -> versions.add(v.getAsString()));
                    }
                    List<List<Advisory.Event>> ranges = new ArrayList<>();
                    if (a.has("ranges")) {
                        for (JsonElement r : a.getAsJsonArray("ranges")) {
                            JsonObject range = r.getAsJsonObject();
                            if ("ECOSYSTEM".equals(string(range, "type"))) {
                                ranges.add(events(range));
                            }
                        }
                    }
                    affected.add(new Advisory.Affected(string(pkg, "name"), versions, ranges));
                }
            }
            if (affected.isEmpty()) {
                return Optional.empty();
            }
            List<String> aliases = new ArrayList<>();
            if (o.has("aliases")) {
                o.getAsJsonArray("aliases").forEach(a -> aliases.add(a.getAsString()));
            }
            String severity = "UNKNOWN";
            JsonObject db = o.has("database_specific") ? o.getAsJsonObject("database_specific") : null;
            if (db != null && db.has("severity") && !db.get("severity").isJsonNull()) {
                severity = db.get("severity").getAsString().toUpperCase(Locale.ROOT);
            }
            return Optional.of(new Advisory(string(o, "id"), aliases, o.has("summary") ? string(o, "summary") : "",
                    severity, affected));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NullPointerException e) {
            throw new IllegalArgumentException(source + " is not a readable OSV advisory: " + e.getMessage(), e);
        }
    }

    private static List<Advisory.Event> events(JsonObject range) {
        List<Advisory.Event> events = new ArrayList<>();
        for (JsonElement e : range.getAsJsonArray("events")) {
            JsonObject ev = e.getAsJsonObject();
            if (ev.has("introduced")) {
                events.add(new Advisory.Event(Advisory.Event.Kind.INTRODUCED, string(ev, "introduced")));
            } else if (ev.has("fixed")) {
                events.add(new Advisory.Event(Advisory.Event.Kind.FIXED, string(ev, "fixed")));
            } else if (ev.has("last_affected")) {
                events.add(new Advisory.Event(Advisory.Event.Kind.LAST_AFFECTED, string(ev, "last_affected")));
            }
            // "limit" events only bound git ranges; an ECOSYSTEM range has none that matter here.
        }
        return events;
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return e.getAsString();
    }
}
