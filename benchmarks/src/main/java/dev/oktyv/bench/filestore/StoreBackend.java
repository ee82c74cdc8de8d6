package dev.oktyv.bench.filestore;

import java.util.Locale;

/** Where the File engine keeps its bytes: {@code local} (the root-confined store) or {@code s3}. */
public enum StoreBackend {
    LOCAL, S3;

    /** The wire name, as in {@code --backend s3} and the JMH {@code backend} parameter. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the bad value and the accepted ones */
    public static StoreBackend fromWire(String text) {
        for (StoreBackend b : values()) {
            if (b.wireName().equals(text)) {
                return b;
            }
        }
        throw new IllegalArgumentException("backend '" + text + "' must be local or s3");
    }
}
