package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.catalog.BenchmarkCatalog;
import dev.oktyv.bench.catalog.BenchmarkInfo;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParamTypeCheckTest {

    private static final ClassLoader LOADER = ParamTypeCheckTest.class.getClassLoader();

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "int|42|OK", "int|-7|OK", "int|abc|an int", "int|1.5|an int", "int|1e3|an int", "int|99999999999|an int",
            "long|99999999999|OK", "long|x|a long", "short|40000|a short", "byte|128|a byte",
            "double|1e3|OK", "double|NaN|OK", "double|fast|a double", "float|0.5|OK", "float|half|a float",
            "boolean|true|OK", "boolean|FALSE|OK", "boolean|yes|a boolean (true or false)",
            "char|x|OK", "char|xy|a char (one character)",
            "string|anything at all|OK",
            "enum|RUNTIME|OK", "enum|runtime|a RetentionPolicy (one of SOURCE, CLASS, RUNTIME)",
    })
    void convertsAsJmhsGeneratedCodeDoes(String type, String value, String expected) {
        Class<?> t = switch (type) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "short" -> Short.class;
            case "byte" -> byte.class;
            case "double" -> double.class;
            case "float" -> Float.class;
            case "boolean" -> boolean.class;
            case "char" -> char.class;
            case "string" -> String.class;
            default -> RetentionPolicy.class;
        };
        assertThat(ParamTypeCheck.mismatch(t, value).orElse(null)).isEqualTo(expected);
    }

    @Test
    void findsTheParamInTheStateClassTheBenchmarkTakes() {
        BenchmarkInfo consumeCpu = BenchmarkCatalog.fromClassPath(LOADER)
                .select(List.of("BaselineBenchmark.consumeCpu$"), List.of()).get(0);
        assertThat(ParamTypeCheck.paramField(consumeCpu, "tokens", LOADER)).get()
                .satisfies(f -> assertThat(f.getType()).isEqualTo(int.class));
        assertThat(ParamTypeCheck.paramField(consumeCpu, "nosuch", LOADER)).isEmpty();
        assertThat(ParamTypeCheck.firstMismatch(Map.of("tokens", List.of("8", "x")), List.of(consumeCpu), LOADER))
                .hasValue("-p tokens=x: 'x' is not an int (@Param tokens of "
                        + "dev.oktyv.bench.calibration.BaselineBenchmark$Work)");
        assertThat(ParamTypeCheck.firstMismatch(Map.of("tokens", List.of("8", "16")), List.of(consumeCpu), LOADER))
                .isEmpty();
    }
}
