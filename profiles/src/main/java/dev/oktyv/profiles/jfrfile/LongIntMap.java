package dev.oktyv.profiles.jfrfile;

/**
 * A map from long to non-negative int without boxing (open addressing, linear probing): a constant pool's key to
 * the chunk offset of its value. A deep-stack chunk holds tens of thousands of stack traces, methods and symbols,
 * and a {@code HashMap<Long, ...>} per pool cost a boxed key and an entry object for each.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values; // -1 marks a free slot
    private int size;

    LongIntMap() {
        allocate(1 << 6);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        java.util.Arrays.fill(values, -1);
        size = 0;
    }

    /** Stores {@code value} (>= 0) under {@code key} unless the key is already present. */
    void putIfAbsent(long key, int value) {
        int mask = values.length - 1;
        int i = slot(key) & mask;
        while (values[i] >= 0) {
            if (keys[i] == key) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > values.length) {
            grow();
        }
    }

    /** The value under {@code key}, or -1. */
    int get(long key) {
        int mask = values.length - 1;
        int i = slot(key) & mask;
        while (values[i] >= 0) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    int size() {
        return size;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        allocate(ov.length * 2);
        for (int i = 0; i < ov.length; i++) {
            if (ov[i] >= 0) {
                putIfAbsent(ok[i], ov[i]);
            }
        }
    }
}
