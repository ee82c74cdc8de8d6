package dev.oktyv.probes.security.file;

import java.util.ArrayList;
import java.util.List;

/**
 * The traversal corpus: ways to name {@code target} (a path relative to the root's parent, e.g.
 * {@code outside/sentinel.txt}) from inside the root. Plain and backslash climbs, single, double and triple
 * percent-encoding, overlong UTF-8, full-width and other compatibility characters, absolute, UNC and {@code file:}
 * forms, NUL truncation, filter-bypass shapes ({@code ....//}) and padding. Symlink escapes are added by the probe,
 * which creates the links.
 */
public final class TraversalPayloads {

    private TraversalPayloads() {
    }

    /**
     * @param target     the path to reach, relative to the root's parent, with '/' separators
     * @param absolute   the same path as an absolute path
     * @param parentName the file name of the root's parent, for climbs that go up two levels and back down
     */
    public static List<String> forTarget(String target, String absolute, String parentName) {
        String back = target.replace('/', '\\');
        List<String> p = new ArrayList<>();
        // Plain climbs.
        p.add("../" + target);
        p.add("../../" + parentName + "/" + target);
        p.add("./../" + target);
        p.add("sub/../../" + target);
        p.add("sub/./../../" + target);
        p.add("a/b/../../../" + target);
        p.add("..//" + target);
        p.add("../" + target.replace("/", "/./"));
        // Backslash climbs (Windows separators, zips made on Windows).
        p.add("..\\" + back);
        p.add("..\\..\\" + parentName + "\\" + back);
        p.add("sub\\..\\..\\" + back);
        p.add("..\\/" + target);
        // Percent-encoding: single, upper case, backslash, double, triple.
        p.add("%2e%2e/" + target);
        p.add("%2e%2e%2f" + target.replace("/", "%2f"));
        p.add("..%2f" + target.replace("/", "%2f"));
        p.add("%2E%2E%2F" + target.replace("/", "%2F"));
        p.add("..%5c" + target.replace("/", "%5c"));
        p.add("%252e%252e%252f" + target.replace("/", "%252f"));
        p.add("..%252f" + target.replace("/", "%252f"));
        p.add("%25252e%25252e/" + target);
        // Overlong UTF-8 for '.', '/' and '\'.
        p.add("%c0%ae%c0%ae/" + target);
        p.add("%c0%ae%c0%ae%c0%af" + target.replace("/", "%c0%af"));
        p.add("..%c0%af" + target.replace("/", "%c0%af"));
        p.add("..%c1%9c" + target.replace("/", "%c1%9c"));
        p.add("%e0%80%ae%e0%80%ae/" + target);
        p.add("%f0%80%80%ae%f0%80%80%ae/" + target);
        // Full-width and compatibility characters that NFKC folds into '.', '/' and '\'.
        p.add("\uFF0E\uFF0E/" + target);
        p.add("\uFF0E\uFF0E\uFF0F" + target.replace("/", "\uFF0F"));
        p.add("\uFF0E\uFF0E\uFF3C" + target.replace("/", "\uFF3C"));
        p.add("%ef%bc%8e%ef%bc%8e/" + target);
        p.add("\u2024\u2024/" + target);
        p.add("..\u2215" + target.replace("/", "\u2215"));
        p.add("..%u002f" + target.replace("/", "%u002f"));
        // Absolute forms.
        p.add(absolute);
        p.add("/" + absolute);
        p.add("file://" + absolute);
        p.add("~/../.." + absolute);
        p.add("C:\\Windows\\win.ini");
        p.add("\\\\127.0.0.1\\c$\\" + back);
        // NUL truncation.
        p.add("../" + target + "\u0000.txt");
        p.add("\u0000../" + target);
        p.add("..%00/" + target);
        p.add("../" + target + "%00");
        // Filter-bypass shapes and padding.
        p.add("....//" + target);
        p.add("..././" + target);
        p.add("..;/" + target);
        p.add(" ../" + target);
        p.add("../" + target + " ");
        p.add("../" + target + "/.");
        return p;
    }
}
