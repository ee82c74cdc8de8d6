package dev.oktyv.probes.security.general;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Where the OSV advisories come from: the snapshot bundled in the jar (the default, offline), a folder of OSV JSON
 * files, or OSV's {@code all.zip} export ({@code --advisories DIR|ZIP}). The bundled snapshot is from the GitHub
 * Advisory Database, CC-BY 4.0; its README, with the attribution, ships beside it.
 */
public final class AdvisorySource {

    /** A snapshot older than this is reported as stale: advisories published since are missing. */
    public static final int STALE_AFTER_DAYS = 30;
    static final String BUNDLED = "advisories/";
    private static final Pattern TAKEN_ON = Pattern.compile("\\bon\\s+(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern COVERED = Pattern.compile("Packages covered:");
    private static final Pattern BACKQUOTED = Pattern.compile("`([^`:\\s]+:[^`:\\s]+)`");

    private final String label;
    private final Loader loader;
    private final boolean bundled;

    private interface Loader {
        Snapshot load() throws IOException;
    }

    /**
     * The loaded advisories and the date they were taken, when known.
     *
     * @param coveredPackages the Maven packages ({@code group:name}) the source says it covers, from its README's
     *                        {@code Packages covered:} line; empty for a source that does not say (a full OSV
     *                        export), which is taken to cover every package
     */
    public record Snapshot(List<Advisory> advisories, Optional<LocalDate> takenOn, int files,
                           Optional<Set<String>> coveredPackages) {

        public Snapshot(List<Advisory> advisories, Optional<LocalDate> takenOn, int files) {
            this(advisories, takenOn, files, Optional.empty());
        }

        /** Whether an absence of advisories for {@code packageName} means anything. */
        public boolean covers(String packageName) {
            return coveredPackages.map(c -> c.contains(packageName)).orElse(true);
        }
    }

    private AdvisorySource(String label, Loader loader, boolean bundled) {
        this.label = label;
        this.loader = loader;
        this.bundled = bundled;
    }

    public static AdvisorySource bundled() {
        return new AdvisorySource("bundled snapshot (GitHub Advisory Database, CC-BY 4.0)", AdvisorySource::loadBundled,
                true);
    }

    /** A folder of OSV JSON files ({@code *.json}, searched recursively) or an OSV zip export. */
    public static AdvisorySource of(Path path) {
        if (Files.isDirectory(path)) {
            return new AdvisorySource("folder " + path, () -> loadDirectory(path), false);
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            return new AdvisorySource("zip " + path, () -> loadZip(path), false);
        }
        throw new IllegalArgumentException("--advisories " + path + " is neither a folder of OSV JSON files nor a .zip");
    }

    /** Whether this is the snapshot bundled in the jar (offline, partial by construction). */
    public boolean isBundled() {
        return bundled;
    }

    public String label() {
        return label;
    }

    public Snapshot load() throws IOException {
        return loader.load();
    }

    /**
     * One line on the snapshot's age, e.g. "advisories: bundled snapshot ... taken 2026-12-03 (0 days old)"; it
     * starts with "WARNING" when the snapshot is older than {@value #STALE_AFTER_DAYS} days or its date is unknown.
     */
    public String freshness(Snapshot s, Clock clock) {
        if (s.takenOn().isEmpty()) {
            return "WARNING: advisories from " + label + " (" + s.advisories().size()
                    + " Maven advisories): snapshot date unknown, cannot tell whether it is current";
        }
        long days = ChronoUnit.DAYS.between(s.takenOn().get(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        String line = "advisories from " + label + ", taken " + s.takenOn().get() + " (" + days + " days old, "
                + s.advisories().size() + " Maven advisories)";
        return days > STALE_AFTER_DAYS ? "WARNING: " + line + ": older than " + STALE_AFTER_DAYS
                + " days, pass --advisories with a fresh OSV export" : line;
    }

    private static Snapshot loadBundled() throws IOException {
        List<Advisory> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (InputStream in = resource(BUNDLED + "index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        }
        for (String name : names) {
            try (InputStream in = resource(BUNDLED + "osv/" + name)) {
                OsvJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name).ifPresent(out::add);
            }
        }
        String readme;
        try (InputStream in = resource(BUNDLED + "README.md")) {
            readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Snapshot(out, takenOn(readme), names.size(), coveredPackages(readme));
    }

    private static Snapshot loadDirectory(Path dir) throws IOException {
        List<Advisory> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
                    .toList();
        }
        for (Path p : files) {
            OsvJson.read(Files.readString(p, StandardCharsets.UTF_8), p.toString()).ifPresent(out::add);
        }
        Optional<LocalDate> date = Optional.empty();
        Optional<Set<String>> covered = Optional.empty();
        Path readme = dir.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            date = takenOn(text);
            covered = coveredPackages(text);
        }
        if (date.isEmpty() && !files.isEmpty()) {
            // Without a README, the newest file says when the folder was last refreshed.
            long newest = 0;
            for (Path p : files) {
                newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
            }
            date = Optional.of(LocalDate.ofInstant(java.time.Instant.ofEpochMilli(newest), ZoneOffset.UTC));
        }
        return new Snapshot(out, date, files.size(), covered);
    }

    private static Snapshot loadZip(Path zip) throws IOException {
        List<Advisory> out = new ArrayList<>();
        long newest = 0;
        int files = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory() || !e.getName().endsWith(".json")) {
                    continue;
                }
                files++;
                newest = Math.max(newest, e.getTime());
                OsvJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), zip + "!" + e.getName())
                        .ifPresent(out::add);
            }
        }
        return new Snapshot(out, newest <= 0 ? Optional.empty()
                : Optional.of(LocalDate.ofInstant(java.time.Instant.ofEpochMilli(newest), ZoneOffset.UTC)), files);
    }

    /**
     * The backquoted {@code group:name} list after {@code Packages covered:} up to the paragraph's end, as the
     * snapshot's README writes it; empty when there is no such line.
     */
    static Optional<Set<String>> coveredPackages(String readme) {
        Matcher start = COVERED.matcher(readme);
        if (!start.find()) {
            return Optional.empty();
        }
        int end = readme.indexOf("\n\n", start.end());
        Matcher names = BACKQUOTED.matcher(readme.substring(start.end(), end < 0 ? readme.length() : end));
        Set<String> out = new TreeSet<>();
        while (names.find()) {
            out.add(names.group(1));
        }
        return Optional.of(Set.copyOf(out));
    }

    static Optional<LocalDate> takenOn(String readme) {
        Matcher m = TAKEN_ON.matcher(readme);
        return m.find() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AdvisorySource.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the bundled advisory snapshot is missing " + name + " (a broken build?)");
        }
        return in;
    }
}
