package dev.oktyv.bench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static BenchmarkInfo b(String name) {
        return new BenchmarkInfo(name, Set.of(), Map.of(), BenchmarkInfo.AnnotatedSettings.none());
    }

    private final List<BenchmarkInfo> names = List.of(b("dev.oktyv.bench.vault.VaultBenchmark.get"),
            b("dev.oktyv.bench.vault.VaultBenchmark.set"), b("dev.oktyv.bench.vault.KeyDerivationBenchmark.derive"),
            b("dev.oktyv.bench.calibration.BaselineBenchmark.empty"));

    @Test
    void aTypoInTheClassNameFindsTheClass() {
        assertThat(Suggestions.closest("VualtBenchmark.get", names, 2))
                .containsExactly("dev.oktyv.bench.vault.VaultBenchmark.get", "dev.oktyv.bench.vault.VaultBenchmark.set");
    }

    @Test
    void regexMetacharactersAndCaseAreIgnored() {
        assertThat(Suggestions.closest(".*keyderivaton.*", names, 1))
                .containsExactly("dev.oktyv.bench.vault.KeyDerivationBenchmark.derive");
    }

    @Test
    void editDistanceIsLevenshtein() {
        assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.editDistance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.editDistance("same", "same")).isZero();
    }
}
