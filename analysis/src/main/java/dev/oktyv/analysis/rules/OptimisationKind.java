package dev.oktyv.analysis.rules;

import java.util.Locale;

/** The seed's three recommendation kinds, recognised from a paired variant's name; OTHER for anything else. */
public enum OptimisationKind {
    CONNECTION_POOLING("connection pooling", "pool"),
    CACHING("caching", "cach"),
    BATCHING("batching", "batch"),
    OTHER("optimised variant", "");

    private final String title;
    private final String stem;

    OptimisationKind(String title, String stem) {
        this.title = title;
        this.stem = stem;
    }

    public String title() {
        return title;
    }

    /** From a variant value ({@code pooled}) or a method suffix ({@code Batched}). */
    public static OptimisationKind of(String variantOrSuffix) {
        String v = variantOrSuffix.toLowerCase(Locale.ROOT);
        for (OptimisationKind k : values()) {
            if (!k.stem.isEmpty() && v.startsWith(k.stem)) {
                return k;
            }
        }
        return OTHER;
    }
}
