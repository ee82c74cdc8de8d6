package dev.oktyv.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a run folder: {@code <UTC yyyyMMdd'T'HHmmss'Z'>-<short sha>[-dirty][-N]}.
 * The timestamp comes first so that a plain lexical sort of folder names is a sort by start time.
 * The optional {@code -N} suffix only appears when two runs of one commit start in the same second:
 * an earlier run is never overwritten.
 */
public record RunId(String value) implements Comparable<RunId> {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE =
            Pattern.compile("(\\d{8}T\\d{6}Z)-([0-9a-f]{4,40}|unknown)(-dirty)?(?:-(\\d{1,9}))?");

    public RunId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("run id '" + value
                    + "' is not of the form yyyyMMdd'T'HHmmss'Z'-<sha>[-dirty][-N]");
        }
    }

    public static RunId of(Instant start, String shortCommit, boolean dirty) {
        return new RunId(STAMP.format(start) + "-" + shortCommit + (dirty ? "-dirty" : ""));
    }

    public static boolean isRunId(String s) {
        return s != null && SHAPE.matcher(s).matches();
    }

    /** The same id with a collision suffix {@code -n}, used when the plain id is already taken. */
    public RunId withSuffix(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("suffix must be >= 2, was " + n);
        }
        return new RunId(base() + "-" + n);
    }

    public Instant startedAt() {
        return STAMP.parse(matcher().group(1), Instant::from);
    }

    public String shortCommit() {
        return matcher().group(2);
    }

    public boolean dirty() {
        return matcher().group(3) != null;
    }

    private Matcher matcher() {
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException(value);
        }
        return m;
    }

    /**
     * Orders by start time, then commit, then collision suffix as a number: {@code -10} is newer than {@code -2},
     * although it sorts before it as text.
     */
    @Override
    public int compareTo(RunId o) {
        int c = startedAt().compareTo(o.startedAt());
        if (c != 0) {
            return c;
        }
        c = base().compareTo(o.base());
        return c != 0 ? c : Integer.compare(suffix(), o.suffix());
    }

    private String base() {
        Matcher m = matcher();
        return m.group(1) + "-" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
    }

    /** The collision suffix, 1 for the first run of a second (which has none). */
    private int suffix() {
        String n = matcher().group(4);
        return n == null ? 1 : Integer.parseInt(n);
    }

    @Override
    public String toString() {
        return value;
    }
}
