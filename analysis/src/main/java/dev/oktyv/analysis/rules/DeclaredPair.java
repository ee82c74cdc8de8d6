package dev.oktyv.analysis.rules;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pairing the user declared ({@code analyze --pair useCache=true:false}): benchmarks that differ only in
 * {@code param}, with {@code optimisedValue} the optimised variant and {@code baselineValue} its baseline.
 */
public record DeclaredPair(String param, String optimisedValue, String baselineValue) {

    private static final Pattern SHAPE = Pattern.compile("([^=:\\s]+)=([^=:]+):([^=:]+)");

    public DeclaredPair {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(optimisedValue, "optimisedValue");
        Objects.requireNonNull(baselineValue, "baselineValue");
        if (optimisedValue.equals(baselineValue)) {
            throw new IllegalArgumentException("pair " + param + "=" + optimisedValue + ":" + baselineValue
                    + " names the same value twice");
        }
    }

    /** {@code param=optimised:baseline}, e.g. {@code useCache=true:false}. */
    public static DeclaredPair parse(String s) {
        Matcher m = SHAPE.matcher(s.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + s + "' is not of the form param=optimised:baseline, e.g. useCache=true:false");
        }
        return new DeclaredPair(m.group(1), m.group(2).strip(), m.group(3).strip());
    }
}
