package dev.oktyv.profiles.flame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stacks of a profile merged into a call tree; node weight = total weight of the stacks through it. */
final class FrameTree {

    static final class Node {
        final String name;
        long total;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            return children.computeIfAbsent(n, Node::new);
        }
    }

    private FrameTree() {
    }

    static Node of(StackProfile p) {
        Node root = new Node("all");
        for (Map.Entry<List<String>, Long> e : p.stacks().entrySet()) {
            long w = e.getValue();
            root.total += w;
            Node n = root;
            for (String f : e.getKey()) {
                n = n.child(f);
                n.total += w;
            }
        }
        return root;
    }
}
