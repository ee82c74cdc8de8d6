package dev.oktyv.system.monitoring.prometheus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small, strict reader of the Prometheus text format 0.0.4, for tests: it rejects what a scraper would reject
 * (bad names, bad escapes, a TYPE after samples or twice, samples that do not belong to their family, quantile
 * labels outside summaries, duplicate series, a missing final line feed) with the line number.
 */
public final class StrictPrometheusParser {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public record Family(String name, String type, List<Sample> samples) {
    }

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "summary", "histogram", "untyped");

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Set<String> seriesSeen = new HashSet<>();
    private final Set<String> familiesWithSamples = new HashSet<>();

    public static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition must end with a line feed");
        }
        StrictPrometheusParser p = new StrictPrometheusParser();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                p.line(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        return p.families;
    }

    private void line(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("#")) {
            String[] parts = line.split(" ", 4);
            if (parts.length >= 3 && parts[1].equals("TYPE")) {
                String name = parts[2];
                require(METRIC.matcher(name).matches(), "bad metric name in TYPE");
                require(parts.length == 4 && TYPES.contains(parts[3]), "bad type");
                require(!families.containsKey(name), "second TYPE for " + name);
                require(!familiesWithSamples.contains(name), "TYPE after samples of " + name);
                families.put(name, new Family(name, parts[3], new ArrayList<>()));
            } else if (parts.length >= 3 && parts[1].equals("HELP")) {
                require(METRIC.matcher(parts[2]).matches(), "bad metric name in HELP");
            }
            return; // other comments are allowed
        }
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC.matcher(name).matches(), "bad metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                require(eq > i, "label without =");
                String lname = line.substring(i, eq);
                require(LABEL.matcher(lname).matches(), "bad label name " + lname);
                require(line.charAt(eq + 1) == '"', "label value not quoted");
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                for (; ; j++) {
                    require(j < line.length(), "unterminated label value");
                    char c = line.charAt(j);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        switch (n) {
                            case '\\' -> v.append('\\');
                            case '"' -> v.append('"');
                            case 'n' -> v.append('\n');
                            default -> throw new IllegalArgumentException("bad escape \\" + n);
                        }
                    } else {
                        v.append(c);
                    }
                }
                require(labels.put(lname, v.toString()) == null, "label " + lname + " twice");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', "no space before value");
        String[] rest = line.substring(i + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, "expected value [timestamp]");
        double value = parseValue(rest[0]);
        Family f = familyOf(name);
        require(f != null, "sample " + name + " has no TYPE line");
        if (labels.containsKey("quantile")) {
            require(f.type().equals("summary") && name.equals(f.name()), "quantile label outside a summary");
        }
        familiesWithSamples.add(f.name());
        require(seriesSeen.add(name + labels), "duplicate series " + name + labels);
        f.samples().add(new Sample(name, labels, value));
    }

    private Family familyOf(String sampleName) {
        Family f = families.get(sampleName);
        if (f != null) {
            return f;
        }
        for (String suffix : List.of("_sum", "_count", "_bucket")) {
            if (sampleName.endsWith(suffix)) {
                Family base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null && (base.type().equals("summary") || base.type().equals("histogram"))
                        && !(suffix.equals("_bucket") && base.type().equals("summary"))) {
                    return base;
                }
            }
        }
        return null;
    }

    private static double parseValue(String s) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                require(s.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"), "bad value " + s);
                return Double.parseDouble(s);
        }
    }

    private static void require(boolean ok, String msg) {
        if (!ok) {
            throw new IllegalArgumentException(msg);
        }
    }
}
