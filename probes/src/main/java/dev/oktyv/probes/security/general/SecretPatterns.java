package dev.oktyv.probes.security.general;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shapes of real credentials, shared by the environment and hard-coded-secret probes. The patterns are written so
 * that their own source text does not match them ({@code -{5}} rather than five dashes), so the scanner does not
 * flag itself.
 */
public final class SecretPatterns {

    private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("a private key", Pattern.compile("-{5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-{5}"));
        KINDS.put("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"));
        KINDS.put("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"));
        KINDS.put("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}\\b"));
        KINDS.put("a Slack token", Pattern.compile("\\bxox[abprs]-[0-9A-Za-z\\-]{10,}"));
        KINDS.put("a JWT", Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}"));
    }

    private SecretPatterns() {
    }

    /** What kind of credential {@code text} contains, if any. */
    public static Optional<String> kindOf(String text) {
        for (Map.Entry<String, Pattern> e : KINDS.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Shannon entropy in bits per character: random keys score above 4, words and identifiers well below. */
    public static double entropyBitsPerChar(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Map<Character, Integer> counts = new java.util.HashMap<>();
        for (char c : s.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double h = 0;
        for (int n : counts.values()) {
            double p = (double) n / s.length();
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }
}
