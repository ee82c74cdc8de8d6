package dev.oktyv.analysis.report;

import dev.oktyv.analysis.compare.Fmt;
import java.util.List;

/** {@code report.md} of a readiness run: {@link ReadinessSections} as Markdown, for a pull request or a wiki. */
final class ReadinessMarkdown {

    private ReadinessMarkdown() {
    }

    static String write(ReadinessPages.Input in) {
        StringBuilder sb = new StringBuilder("## ").append(ReadinessSections.title(in)).append("\n\n");
        for (ReadinessSections.Section s : ReadinessSections.all(in)) {
            sb.append("#".repeat(s.level())).append(' ').append(s.heading()).append("\n\n");
            for (String p : s.paragraphs()) {
                sb.append(p).append("\n\n");
            }
            if (!s.bullets().isEmpty()) {
                s.bullets().forEach(b -> sb.append("- ").append(cell(b)).append('\n'));
                sb.append('\n');
            }
            for (ReadinessSections.Table t : s.tables()) {
                table(sb, t);
            }
        }
        sb.append("Clickable links: `report.html` in the run folder.\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, ReadinessSections.Table t) {
        if (!t.caption().isEmpty()) {
            sb.append("**").append(t.caption()).append("**\n\n");
        }
        sb.append("| ").append(String.join(" | ", t.headers())).append(" |\n|");
        t.headers().forEach(h -> sb.append("---|"));
        sb.append('\n');
        for (List<ReadinessSections.Cell> row : t.rows()) {
            sb.append("| ");
            for (int i = 0; i < row.size(); i++) {
                sb.append(i == 0 ? "" : " | ").append(cell(row.get(i)));
            }
            sb.append(" |\n");
        }
        sb.append('\n');
    }

    private static String cell(ReadinessSections.Cell c) {
        String text = Fmt.md(c.text());
        return c.href().map(h -> "[" + text + "](" + h.replace(" ", "%20") + ")").orElse(text);
    }
}
