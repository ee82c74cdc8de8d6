package dev.oktyv.bench.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source, with comments and character literals skipped: just enough of a lexer that
 * {@code "http://x"} is one literal and {@code // "summary.json"} none.
 */
final class JavaLiterals {

    private JavaLiterals() {
    }

    static List<RunFolderLiterals.Literal> of(String src) {
        List<RunFolderLiterals.Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                out.add(new RunFolderLiterals.Literal(src.substring(i + 3, end), line));
                line += count(src, i, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                StringBuilder sb = new StringBuilder();
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        sb.append(src, j, j + 2);
                        j += 2;
                    } else {
                        sb.append(src.charAt(j++));
                    }
                }
                if (c == '"') {
                    out.add(new RunFolderLiterals.Literal(sb.toString(), line));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
