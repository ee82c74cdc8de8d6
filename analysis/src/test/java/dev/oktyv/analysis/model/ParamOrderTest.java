package dev.oktyv.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ParamOrderTest {

    @Test
    void numbersSortByValueTextByStringAndEqualNumbersStayDistinct() {
        TreeSet<BenchmarkId> ids = new TreeSet<>();
        for (String v : List.of("100000", "10000", "1000", "64", "1.5", "-3", "1.0", "1", "abc", "ABC")) {
            ids.add(BenchmarkId.of("b.B.m", Mode.THROUGHPUT, Map.of("currentRuleSize", v)));
        }
        assertThat(ids).extracting(id -> id.params().get("currentRuleSize"))
                .containsExactly("-3", "1", "1.0", "1.5", "64", "1000", "10000", "100000", "ABC", "abc");
        // Keys first: a second param only breaks ties.
        assertThat(ParamOrder.INSTANCE.compare(new TreeMap<>(Map.of("a", "2", "b", "1")), new TreeMap<>(Map.of("a", "10", "b", "0"))))
                .isNegative();
    }
}
