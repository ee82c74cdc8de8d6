package dev.oktyv.results.readiness;

import java.util.Objects;

/**
 * One number a criterion read, with its unit ({@code percent}, {@code ms}, {@code count}, {@code points}). A NaN
 * value means the figure was not available (written as {@code null}), never 0.
 */
public record Figure(String name, double value, String unit) {

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank()) {
            throw new IllegalArgumentException("figure name must not be blank");
        }
    }
}
