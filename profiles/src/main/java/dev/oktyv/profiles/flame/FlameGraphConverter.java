package dev.oktyv.profiles.flame;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A self-contained HTML flame graph: one file, script inline, no network fetches. Search (regex, with the
 * matched share), click to zoom, and per-frame sample count and percentage on hover.
 */
public final class FlameGraphConverter extends ProfileConverter {

    private final String title;

    /** @param title shown as the page heading, e.g. "cpu profile of dev.oktyv...get (fork 1)" */
    public FlameGraphConverter(String title) {
        this.title = title;
    }

    @Override
    public void write(StackProfile profile, OutputStream out) throws IOException {
        FrameTree.Node root = FrameTree.of(profile);
        HtmlPage.Names names = new HtmlPage.Names();
        StringBuilder tree = new StringBuilder(1 << 16);
        long minWeight = (long) Math.floor(root.total * HtmlPage.MIN_SHARE);
        appendNode(tree, root, names, minWeight);
        StringBuilder data = new StringBuilder(tree.length() + 4096);
        data.append("{\"title\":");
        HtmlPage.quote(data, title);
        data.append(",\"unit\":");
        HtmlPage.quote(data, profile.event().unit());
        data.append(",\"diff\":false,\"note\":");
        HtmlPage.quote(data, profile.incomplete() ? "Incomplete: " + profile.note() : "");
        data.append(",\"names\":");
        names.appendJson(data);
        data.append(",\"originals\":");
        names.appendOriginalsJson(data, profile.originals());
        data.append(",\"tree\":").append(tree).append('}');
        out.write(HtmlPage.render(title, data.toString()).getBytes(StandardCharsets.UTF_8));
    }

    private static void appendNode(StringBuilder sb, FrameTree.Node n, HtmlPage.Names names, long minWeight) {
        sb.append('[').append(names.of(n.name)).append(',').append(n.total).append(",[");
        boolean first = true;
        for (FrameTree.Node c : n.children.values()) {
            if (c.total <= minWeight) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendNode(sb, c, names, minWeight);
        }
        sb.append("]]");
    }
}
