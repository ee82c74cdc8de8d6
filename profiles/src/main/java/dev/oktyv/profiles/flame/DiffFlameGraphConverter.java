package dev.oktyv.profiles.flame;

import dev.oktyv.results.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Differential flame graph HTML: the new profile's shape, each frame coloured by its change in share of all
 * samples (red grew, blue shrank, yellow new, grey about the same), and a table of frames only in the base.
 */
public final class DiffFlameGraphConverter {

    /** At most this many base-only frames are listed, largest first: enough for a review, bounded in size. */
    static final int MAX_REMOVED_LISTED = 500;

    private final String title;

    public DiffFlameGraphConverter(String title) {
        this.title = title;
    }

    public void writeTo(ProfileDiff diff, String note, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(diff, note, out));
    }

    public void write(ProfileDiff diff, String note, OutputStream out) throws IOException {
        HtmlPage.Names names = new HtmlPage.Names();
        StringBuilder tree = new StringBuilder(1 << 16);
        appendNode(tree, diff.root(), names, (long) Math.floor(diff.newTotal() * HtmlPage.MIN_SHARE));
        StringBuilder d = new StringBuilder(tree.length() + 8192);
        d.append("{\"title\":");
        HtmlPage.quote(d, title);
        d.append(",\"unit\":");
        HtmlPage.quote(d, diff.event().unit());
        d.append(",\"diff\":true,\"note\":");
        HtmlPage.quote(d, note == null ? "" : note);
        d.append(",\"names\":");
        names.appendJson(d);
        d.append(",\"originals\":");
        names.appendOriginalsJson(d, diff.originals());
        d.append(",\"tree\":").append(tree);
        d.append(",\"removedTruncated\":").append(diff.removed().size() > MAX_REMOVED_LISTED);
        d.append(",\"removed\":[");
        int n = 0;
        for (ProfileDiff.Removed r : diff.removed()) {
            if (n == MAX_REMOVED_LISTED) {
                break;
            }
            if (n++ > 0) {
                d.append(',');
            }
            d.append('[');
            HtmlPage.quote(d, String.join(";", r.path()));
            d.append(',').append(String.format(java.util.Locale.ROOT, "%.6f", r.baseShare())).append(']');
        }
        d.append("]}");
        out.write(HtmlPage.render(title, d.toString()).getBytes(StandardCharsets.UTF_8));
    }

    private static void appendNode(StringBuilder sb, ProfileDiff.Node n, HtmlPage.Names names, long minWeight) {
        sb.append('[').append(names.of(n.name())).append(',').append(n.weight()).append(',')
                .append(Math.round(n.deltaShare() * 1e6)).append(',').append(n.isNew() ? 1 : 0).append(",[");
        boolean first = true;
        for (ProfileDiff.Node c : n.children()) {
            if (c.weight() <= minWeight) {
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
