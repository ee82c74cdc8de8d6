package dev.oktyv.results;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which machines' runs may be compared: a name such as {@code ci-large}, given per run ({@code --host-class},
 * {@code OKTYV_HOST_CLASS}) or, when none was given, derived from what decides a benchmark's speed and is recorded
 * in every {@code run.json}: CPU model, cores and the JVM's major version
 * ({@code intel-r-xeon-r-processor-2c-jdk17}). Two runs of different classes are still comparable, with a warning.
 */
public final class HostClass {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern MAJOR = Pattern.compile("(?:1\\.)?(\\d+).*");

    private HostClass() {
    }

    /** The run's class: the named one, or the derived one. */
    public static String of(RunMetadata m) {
        return m.host().hostClass().orElseGet(() -> derive(m.host(), m.jvm()));
    }

    public static String derive(HostInfo host, JvmInfo jvm) {
        String cpu = host.cpuModel().map(HostClass::slug).filter(s -> !s.isEmpty()).orElse("unknown-cpu");
        String cores = host.cores() == HostInfo.UNKNOWN_COUNT ? "unknown" : Integer.toString(host.cores());
        return cpu + "-" + cores + "c-jdk" + jvmMajor(jvm.version());
    }

    /** {@code 17} for {@code 17.0.15+6-Debian}, {@code 8} for {@code 1.8.0_392}; "unknown" when not a version. */
    public static String jvmMajor(String version) {
        Matcher m = MAJOR.matcher(version == null ? "" : version);
        return m.matches() ? m.group(1) : "unknown";
    }

    /** A named class must be a plain word: it is a filter value on the command line and a column in the store. */
    public static String requireValid(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("host class '" + name + "' must be 1-100 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        return name;
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
