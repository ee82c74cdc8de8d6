package dev.oktyv.results.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaJsonTest {

    @Test
    void anEmptyObjectIsTheSeedsDefaults() {
        assertThat(CriteriaJson.read("{}")).isEqualTo(Criteria.DEFAULTS);
        assertThat(Criteria.DEFAULTS).isEqualTo(new Criteria(1.0, 90.0, true, 100.0, 200.0, 80.0));
    }

    @Test
    void givenFieldsOverrideTheDefaults() {
        Criteria c = CriteriaJson.read("{\"securityMinScore\": 95, \"performanceMaxP95Millis\": 150.5,"
                + " \"securityForbidCritical\": false}");
        assertThat(c).isEqualTo(new Criteria(1.0, 95.0, false, 100.0, 150.5, 80.0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"securityMinScor\": 95}|unknown field 'securityMinScor'",
            "{\"securityMinScore\": \"high\"}|field 'securityMinScore' must be a number, was \"high\"",
            "{\"securityForbidCritical\": 1}|field 'securityForbidCritical' must be true or false, was 1",
            "{\"recoveryMinSuccessPercent\": 150}|recoveryMinSuccessPercent must be in [0, 100], was 150.0",
            "{\"performanceMaxAverageMillis\": 0}|performanceMaxAverageMillis must be a positive number",
            "[1, 2]|must hold one JSON object, found an array",
            "{\"securityMinScore\": |not valid JSON"})
    void errorsAreOneLineNamingTheField(String json, String expected) {
        assertThatThrownBy(() -> CriteriaJson.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("criteria file").hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
