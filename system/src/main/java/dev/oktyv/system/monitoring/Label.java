package dev.oktyv.system.monitoring;

import java.util.Objects;

/** One metric label. Any text is allowed; the exposition formats sanitise and escape it. */
public record Label(String name, String value) implements Comparable<Label> {

    public Label {
        Objects.requireNonNull(name, "label name");
        Objects.requireNonNull(value, "label value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("label name must not be blank");
        }
    }

    @Override
    public int compareTo(Label o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : value.compareTo(o.value);
    }
}
