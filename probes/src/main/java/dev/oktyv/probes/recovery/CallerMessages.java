package dev.oktyv.probes.recovery;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule for what an error seen by a caller may contain: short, and nothing internal: no SQL, JDBC URL or other
 * URL, file path, exception class name, SQLState or stack frame.
 */
public final class CallerMessages {

    public static final int MAX_CHARS = 200;
    static final Pattern LEAK = Pattern.compile("(?i)\\b(select|insert|update|delete|from|where)\\b|jdbc:|://"
            + "|[/\\\\][\\w.-]+[/\\\\]|exception|\\bat [\\w.$]+\\(|sqlstate");

    private CallerMessages() {
    }

    /** The internal fragments found in {@code text}; empty when it is clean. */
    public static List<String> leaks(String text) {
        return LEAK.matcher(text).results().map(m -> m.group()).toList();
    }
}
