package dev.oktyv.probes.security.database;

import dev.oktyv.probes.security.leak.Printable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One database's run of the corpus: per payload, the nine entry points in an order whose legitimate effect on the
 * item count is known (lookups and updates of an absent name change nothing, an insert adds one, a batch two, the
 * final delete removes the three again), with the canary and the count checked after every call.
 */
final class InjectionRun {

    record Finding(String family, String text) {
    }

    private final SqlSurface surface;
    private final Duration tolerance;
    private final String canaryBefore;
    private final List<Finding> findings = new ArrayList<>();
    private final Duration baseline;
    private Duration slowest = Duration.ZERO;
    private int calls;
    private int refused;

    InjectionRun(SqlSurface surface, Duration tolerance) {
        this.surface = surface;
        this.tolerance = tolerance;
        this.canaryBefore = surface.canaryState();
        // The slowest of a few harmless lookups: what a call costs here without any sleep.
        long worst = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            surface.findNames("item-1");
            worst = Math.max(worst, System.nanoTime() - start);
        }
        this.baseline = Duration.ofNanos(worst);
    }

    void attack(SqlPayloads.Payload p) {
        long items = itemsOrMinusOne();
        check(p, "select", () -> surface.findNames(p.text()), items, items, 0);
        check(p, "select-one", () -> surface.findNote(p.text()).orElse(null), items, items, null);
        check(p, "transaction query", () -> surface.countNamed(p.text()), items, items, 0L);
        check(p, "update", () -> surface.update(p.text(), p.text()), items, items, 0);
        check(p, "template update", () -> surface.updateByTemplate(p.text(), p.text()), items, items, 0);
        check(p, "delete", () -> surface.delete(p.text()), items, items, 0);
        boolean inserted = check(p, "insert", () -> surface.insert(p.text(), p.text()), items + 1, items, 1);
        long afterInsert = items + (inserted ? 1 : 0);
        boolean batched = check(p, "batch insert", () -> surface.insertBatch(List.of(p.text(), p.text())),
                afterInsert + 2, afterInsert, 2);
        long stored = (inserted ? 1 : 0) + (batched ? 2 : 0);
        if (stored > 0) {
            check(p, "select of the stored value", () -> surface.findNames(p.text()), items + stored, items + stored,
                    (int) stored);
            check(p, "delete of the stored value", () -> surface.delete(p.text()), items, items + stored, (int) stored);
        }
    }

    /**
     * Runs one call and judges it. {@code expected} is the legitimate result: a row count for lists, an update count,
     * or null for "nothing found"; the item counts are what the table must hold afterwards if the call succeeded or
     * was refused. Returns whether the call succeeded.
     */
    private boolean check(SqlPayloads.Payload p, String entry, Supplier<Object> call, long itemsIfDone,
                          long itemsIfRefused, Object expected) {
        calls++;
        long start = System.nanoTime();
        Object result;
        boolean ok;
        try {
            result = call.get();
            ok = true;
        } catch (RuntimeException e) {
            // A refused value is no injection; the checks below still look for side effects.
            refused++;
            result = null;
            ok = false;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        slowest = took.compareTo(slowest) > 0 ? took : slowest;
        String where = entry + " '" + Printable.of(p.text()) + "': ";
        if (took.compareTo(baseline.plus(tolerance)) > 0) {
            findings.add(new Finding(p.family(), where + "took " + took.toMillis() + " ms (baseline "
                    + baseline.toMillis() + " ms + tolerance " + tolerance.toMillis() + " ms)"));
        }
        String canaryNow = canaryOrWhy(surface);
        if (!canaryNow.equals(canaryBefore)) {
            findings.add(new Finding(p.family(), where + "canary changed from " + canaryBefore + " to " + canaryNow));
        }
        long itemsNow = itemsOrMinusOne();
        long legit = ok ? itemsIfDone : itemsIfRefused;
        if (itemsNow != legit) {
            findings.add(new Finding(p.family(), where + "items went to " + itemsNow + " rows, expected " + legit));
        }
        if (ok && result instanceof List<?> rows) {
            long foreign = rows.stream().filter(r -> !p.text().equals(r)).count();
            if (foreign > 0 || (expected instanceof Integer n && rows.size() != n)) {
                findings.add(new Finding(p.family(), where + "returned " + rows.size() + " rows (" + foreign
                        + " not named by the payload), expected " + expected));
            }
        } else if (ok && expected == null && result != null) {
            findings.add(new Finding(p.family(), where + "found a row for a name no row has"));
        } else if (ok && expected != null && !expected.equals(result) && !(result instanceof List<?>)) {
            findings.add(new Finding(p.family(), where + "affected " + result + " rows, expected " + expected));
        }
        return ok;
    }

    /** The canary's state, or why it cannot be read (a dropped table is the worst finding, not a crash). */
    static String canaryOrWhy(SqlSurface surface) {
        try {
            return surface.canaryState();
        } catch (RuntimeException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private long itemsOrMinusOne() {
        try {
            return surface.itemCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    List<Finding> findings() {
        return findings;
    }

    int calls() {
        return calls;
    }

    int refused() {
        return refused;
    }

    Duration slowest() {
        return slowest;
    }
}
