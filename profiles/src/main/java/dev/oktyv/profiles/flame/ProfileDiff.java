package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The difference between two profiles of the same event, frame by frame (a frame = a call path from the root).
 * Widths come from the new profile; each frame carries its change in share of all samples, because the two
 * runs rarely have the same number of samples. Frames only in the base have no width in the new graph, so
 * they are listed separately instead of silently disappearing.
 *
 * <p>Frame names are normalised with {@link FrameNormaliser#STANDARD} first: two JVMs name their lambda, proxy
 * and accessor classes differently, and without that the same code would show as "new" on one side and "only in
 * the base" on the other.
 */
public final class ProfileDiff {

    /** A frame of the new profile. {@code deltaShare} = new share − base share (−1..1); {@code isNew}: absent in base. */
    public record Node(String name, long weight, double deltaShare, boolean isNew, List<Node> children) {
    }

    /** A call path present in the base only, with its share of the base. */
    public record Removed(List<String> path, double baseShare) {
    }

    private final EventKind event;
    private final Node root;
    private final List<Removed> removed;
    private final long baseTotal;
    private final long newTotal;
    private final java.util.Map<String, String> originals;

    private ProfileDiff(EventKind event, Node root, List<Removed> removed, long baseTotal, long newTotal,
            java.util.Map<String, String> originals) {
        this.event = event;
        this.root = root;
        this.removed = removed;
        this.baseTotal = baseTotal;
        this.newTotal = newTotal;
        this.originals = originals;
    }

    /** @throws EmptyProfileException either side has no samples: a share change would be meaningless */
    public static ProfileDiff of(StackProfile base, StackProfile next) {
        return of(base, next, FrameNormaliser.STANDARD);
    }

    /** @param names {@link FrameNormaliser#NONE} compares the names as recorded (to measure what normalising does) */
    public static ProfileDiff of(StackProfile base, StackProfile next, FrameNormaliser names) {
        if (base.isEmpty()) {
            throw new EmptyProfileException(base.event(), "the base profile has no " + base.event().id()
                    + " samples: nothing to compare, nothing written");
        }
        if (next.isEmpty()) {
            throw new EmptyProfileException(next.event(), "the new profile has no " + next.event().id()
                    + " samples: nothing to compare, nothing written");
        }
        StackProfile nb = names.apply(base);
        StackProfile nn = names.apply(next);
        java.util.Map<String, String> originals = new java.util.TreeMap<>(nb.originals());
        nn.originals().forEach((k, v) -> originals.merge(k, v, (a, c) -> a.compareTo(c) <= 0 ? a : c));
        FrameTree.Node b = FrameTree.of(nb);
        FrameTree.Node n = FrameTree.of(nn);
        Node root = node(n, b, b.total, n.total);
        List<Removed> removed = new ArrayList<>();
        collectRemoved(b, n, new ArrayList<>(), b.total, removed);
        removed.sort(Comparator.comparingDouble(Removed::baseShare).reversed());
        return new ProfileDiff(next.event(), root, Collections.unmodifiableList(removed), b.total, n.total,
                Collections.unmodifiableMap(originals));
    }

    private static Node node(FrameTree.Node n, FrameTree.Node b, long baseTotal, long newTotal) {
        List<Node> kids = new ArrayList<>(n.children.size());
        for (FrameTree.Node c : n.children.values()) {
            kids.add(node(c, b == null ? null : b.children.get(c.name), baseTotal, newTotal));
        }
        double ns = (double) n.total / newTotal;
        double bs = b == null ? 0 : (double) b.total / baseTotal;
        return new Node(n.name, n.total, ns - bs, b == null, Collections.unmodifiableList(kids));
    }

    private static void collectRemoved(FrameTree.Node b, FrameTree.Node n, List<String> path, long baseTotal,
            List<Removed> out) {
        for (FrameTree.Node c : b.children.values()) {
            path.add(c.name);
            FrameTree.Node nc = n.children.get(c.name);
            if (nc == null) {
                out.add(new Removed(List.copyOf(path), (double) c.total / baseTotal));
            } else {
                collectRemoved(c, nc, path, baseTotal, out);
            }
            path.remove(path.size() - 1);
        }
    }

    public EventKind event() {
        return event;
    }

    public Node root() {
        return root;
    }

    public List<Removed> removed() {
        return removed;
    }

    /** One original name behind each frame name the normaliser changed (for hover text). */
    public java.util.Map<String, String> originals() {
        return originals;
    }

    /** Share (0..1) of the new profile in frames absent from the base (outermost such frame of each path). */
    public double newShare() {
        return newWeight(root) / (double) newTotal;
    }

    private static long newWeight(Node n) {
        if (n.isNew()) {
            return n.weight();
        }
        long sum = 0;
        for (Node c : n.children()) {
            sum += newWeight(c);
        }
        return sum;
    }

    /** Share (0..1) of the base profile in call paths absent from the new profile. */
    public double removedShare() {
        return removed.stream().mapToDouble(Removed::baseShare).sum();
    }

    public long baseTotal() {
        return baseTotal;
    }

    public long newTotal() {
        return newTotal;
    }

    /** Frames of the new profile whose name ends with {@code suffix}, anywhere in the tree. */
    public List<Node> find(String suffix) {
        List<Node> out = new ArrayList<>();
        find(root, suffix, out);
        return out;
    }

    private static void find(Node n, String suffix, List<Node> out) {
        if (n.name().endsWith(suffix)) {
            out.add(n);
        }
        for (Node c : n.children()) {
            find(c, suffix, out);
        }
    }

}
