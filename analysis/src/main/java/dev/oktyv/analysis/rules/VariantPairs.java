package dev.oktyv.analysis.rules;

import dev.oktyv.analysis.model.BenchmarkId;
import dev.oktyv.analysis.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recognises an optimised variant and its baseline among the results of one run. Two conventions:
 * <ol>
 *   <li>a JMH param named {@code variant}: the value {@code baseline} is the baseline, every other value an
 *       optimised variant; benchmark, mode and all other params must be equal;</li>
 *   <li>method names in one class, mode and params: {@code <stem>Pooled|Batched|Cached} (optimised) pairs with
 *       {@code <stem>PerQuery|Unpooled|Unbatched|OneByOne|Uncached|Naive|Baseline} (baseline), e.g.
 *       {@code queryPooled} vs {@code queryPerQuery};</li>
 *   <li>a two-valued param ({@code useCache=true|false}, {@code on|off}, {@code enabled|disabled}) or one the user
 *       declared ({@code --pair useCache=true:false}), see {@link ParamPairs}.</li>
 * </ol>
 */
public final class VariantPairs {

    public static final String VARIANT_PARAM = "variant";
    public static final String BASELINE_VARIANT = "baseline";
    static final List<String> OPTIMISED = List.of("Pooled", "Batched", "Cached");
    static final List<String> BASELINES = List.of("PerQuery", "Unpooled", "Unbatched", "OneByOne", "Uncached", "Naive", "Baseline");

    public record Pair(BenchmarkResult baseline, BenchmarkResult optimised) {
    }

    private VariantPairs() {
    }

    public static List<Pair> find(List<BenchmarkResult> results) {
        return find(results, List.of());
    }

    /** Both conventions above, plus two-valued and user-declared params ({@link ParamPairs}). */
    public static List<Pair> find(List<BenchmarkResult> results, List<DeclaredPair> declared) {
        Map<BenchmarkId, BenchmarkResult> byId = new TreeMap<>();
        results.forEach(r -> byId.put(r.id(), r));
        List<Pair> out = new ArrayList<>();
        for (BenchmarkResult r : byId.values()) {
            BenchmarkId id = r.id();
            String variant = id.params().get(VARIANT_PARAM);
            if (variant != null) {
                if (!variant.equals(BASELINE_VARIANT)) {
                    TreeMap<String, String> p = new TreeMap<>(id.params());
                    p.put(VARIANT_PARAM, BASELINE_VARIANT);
                    Optional.ofNullable(byId.get(new BenchmarkId(id.benchmark(), id.mode(), p))).ifPresent(b -> out.add(new Pair(b, r)));
                }
                continue;
            }
            String method = id.methodName();
            for (String suffix : OPTIMISED) {
                if (method.endsWith(suffix) && method.length() > suffix.length()) {
                    String stem = method.substring(0, method.length() - suffix.length());
                    for (String base : BASELINES) {
                        BenchmarkResult b = byId.get(new BenchmarkId(id.className() + "." + stem + base, id.mode(), id.params()));
                        if (b != null) {
                            out.add(new Pair(b, r));
                            break;
                        }
                    }
                }
            }
        }
        out.addAll(ParamPairs.find(byId, declared));
        return out;
    }
}
