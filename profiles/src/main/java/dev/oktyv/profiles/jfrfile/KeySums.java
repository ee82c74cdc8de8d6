package dev.oktyv.profiles.jfrfile;

/**
 * Sums weights per (spec, stack key, class key, thread key) without boxing: open addressing with linear probing
 * over parallel arrays. A chunk has millions of events but only thousands of distinct keys, and a {@code HashMap}
 * of records spent most of its time hashing and allocating keys.
 */
final class KeySums {

    private int[] spec;
    private long[] stack;
    private long[] cls;
    private long[] thread;
    private long[] weight;
    private boolean[] used;
    private int size;

    KeySums() {
        allocate(1 << 12);
    }

    private void allocate(int capacity) {
        spec = new int[capacity];
        stack = new long[capacity];
        cls = new long[capacity];
        thread = new long[capacity];
        weight = new long[capacity];
        used = new boolean[capacity];
        size = 0;
    }

    void add(int s, long st, long c, long t, long w) {
        int mask = used.length - 1;
        int i = slot(s, st, c, t) & mask;
        while (used[i]) {
            if (spec[i] == s && stack[i] == st && cls[i] == c && thread[i] == t) {
                weight[i] += w;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        spec[i] = s;
        stack[i] = st;
        cls[i] = c;
        thread[i] = t;
        weight[i] = w;
        if (++size * 2 > used.length) {
            grow();
        }
    }

    private static int slot(int s, long st, long c, long t) {
        long h = st * 0x9E3779B97F4A7C15L + c * 0xC2B2AE3D27D4EB4FL + t * 0x165667B19E3779F9L + s;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private void grow() {
        int[] os = spec;
        long[] ost = stack;
        long[] oc = cls;
        long[] ot = thread;
        long[] ow = weight;
        boolean[] ou = used;
        allocate(ou.length * 2);
        for (int i = 0; i < ou.length; i++) {
            if (ou[i]) {
                add(os[i], ost[i], oc[i], ot[i], ow[i]);
            }
        }
    }

    /** Walks the summed keys; {@link #next()} moves to the next one. */
    Cursor cursor() {
        return new Cursor();
    }

    /** A position in the table; the accessors read the key it is at. */
    final class Cursor {
        private int at = -1;

        boolean next() {
            while (++at < used.length) {
                if (used[at]) {
                    return true;
                }
            }
            return false;
        }

        int spec() {
            return spec[at];
        }

        long stack() {
            return stack[at];
        }

        long cls() {
            return cls[at];
        }

        long thread() {
            return thread[at];
        }

        long weight() {
            return weight[at];
        }
    }
}
