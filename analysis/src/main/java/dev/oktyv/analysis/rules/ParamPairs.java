package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pairs by a two-valued param, the way real projects write them: {@code useCache=true|false}, {@code on|off},
 * {@code enabled|disabled}, {@code yes|no}; the first of each is taken as the optimised variant. A param declared
 * by the user ({@link DeclaredPair}) overrides that guess for its name, and is the way to pair any other values
 * (or to turn the guess round for a param such as {@code validate=true}, where "on" is the costly side).
 * Benchmark, mode and all other params must be equal.
 */
final class ParamPairs {

    /** Optimised value → baseline value, compared case-insensitively. */
    static final Map<String, String> TWO_VALUED = Map.of("true", "false", "on", "off", "enabled", "disabled", "yes", "no");

    private ParamPairs() {
    }

    static List<VariantPairs.Pair> find(Map<BenchmarkId, BenchmarkResult> byId, List<DeclaredPair> declared) {
        List<VariantPairs.Pair> out = new ArrayList<>();
        for (BenchmarkResult r : byId.values()) {
            for (var param : r.id().params().entrySet()) {
                if (param.getKey().equals(VariantPairs.VARIANT_PARAM)) {
                    continue;
                }
                baselineValue(param.getKey(), param.getValue(), declared).ifPresent(baseValue -> {
                    TreeMap<String, String> p = new TreeMap<>(r.id().params());
                    p.put(param.getKey(), baseValue);
                    Optional.ofNullable(byId.get(new BenchmarkId(r.id().benchmark(), r.id().mode(), p)))
                            .ifPresent(b -> out.add(new VariantPairs.Pair(b, r)));
                });
            }
        }
        return out;
    }

    /** The value of the baseline partner when {@code value} is an optimised value of {@code param}. */
    static Optional<String> baselineValue(String param, String value, List<DeclaredPair> declared) {
        List<DeclaredPair> forParam = declared.stream().filter(d -> d.param().equals(param)).toList();
        if (!forParam.isEmpty()) {
            return forParam.stream().filter(d -> d.optimisedValue().equals(value)).map(DeclaredPair::baselineValue).findFirst();
        }
        String partner = TWO_VALUED.get(value.toLowerCase(Locale.ROOT));
        if (partner == null) {
            return Optional.empty();
        }
        // Keep the spelling family of the value: TRUE pairs with FALSE, On with Off.
        return Optional.of(value.equals(value.toUpperCase(Locale.ROOT)) ? partner.toUpperCase(Locale.ROOT)
                : Character.isUpperCase(value.charAt(0)) ? Character.toUpperCase(partner.charAt(0)) + partner.substring(1) : partner);
    }
}
