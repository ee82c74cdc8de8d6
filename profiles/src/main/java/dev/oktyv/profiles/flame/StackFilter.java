package dev.oktyv.profiles.flame;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which stacks to draw and in which direction. {@code include}: keep only stacks with a frame matching it;
 * {@code exclude}: drop stacks with a frame matching it (the same semantics as async-profiler's converter).
 * {@code reverse} draws leaf frames at the root, i.e. "who calls the hot method" rather than "where does
 * main spend its time".
 */
public record StackFilter(Optional<Pattern> include, Optional<Pattern> exclude, boolean reverse) {

    public static final StackFilter NONE = new StackFilter(Optional.empty(), Optional.empty(), false);

    public StackFilter {
        include = include == null ? Optional.empty() : include;
        exclude = exclude == null ? Optional.empty() : exclude;
    }

    /** Compiles the regexes; a bad one fails with a message naming the option and the value. */
    public static StackFilter of(String include, String exclude, boolean reverse) {
        return new StackFilter(compile("--include", include), compile("--exclude", exclude), reverse);
    }

    private static Optional<Pattern> compile(String option, String regex) {
        if (regex == null || regex.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad " + option + " regex '" + regex + "': " + e.getDescription());
        }
    }

    public StackFilter reversed(boolean r) {
        return new StackFilter(include, exclude, r);
    }

    boolean accepts(List<String> stack) {
        if (include.isPresent() && stack.stream().noneMatch(f -> include.get().matcher(f).find())) {
            return false;
        }
        return exclude.isEmpty() || stack.stream().noneMatch(f -> exclude.get().matcher(f).find());
    }
}
