package dev.oktyv.profiles.jfrfile;

import java.util.List;

/**
 * A class of the chunk's metadata: an event type, a constant-pool type (stack trace, method, class, thread...)
 * or a primitive ({@code long}, {@code java.lang.String}..., which have no fields).
 */
record ClassDef(long id, String name, String superType, List<FieldDef> fields) {

    ClassDef {
        fields = List.copyOf(fields);
    }

    /** Index of the field called {@code field}, or -1. */
    int indexOf(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    boolean isEvent() {
        return "jdk.jfr.Event".equals(superType);
    }
}
