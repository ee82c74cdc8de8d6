package dev.oktyv.bench.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.oktyv.bench.load.archfixture.LoadReadsTheAnalysisModel;
import dev.oktyv.results.archfixture.ModelCallsTheProfiler;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules over every module's main classes (this module's test class path holds them all), and each rule
 * shown failing on a fixture class that breaks it, so none passes because it matches nothing.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // Jars included: under "mvn verify" the sibling modules are on the class path as their packaged jars,
        // under "mvn test" as target/classes folders.
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.oktyv");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("system", ModuleRules.SYSTEM_DEPENDS_ON_NOTHING_OF_OURS, "dev.oktyv.system"),
                Arguments.of("results-model", ModuleRules.RESULTS_MODEL_DEPENDS_ON_NOTHING_OF_OURS, "dev.oktyv.results"),
                Arguments.of("profiles", ModuleRules.PROFILES_DEPEND_ONLY_ON_THE_RESULTS_MODEL, "dev.oktyv.profiles"),
                Arguments.of("analysis", ModuleRules.ANALYSIS_NEVER_ON_SYSTEM_OR_BENCHMARKS, "dev.oktyv.analysis"),
                Arguments.of("probes", ModuleRules.PROBES_ON_ENGINES_AND_RESULTS_MODEL_ONLY, "dev.oktyv.probes"),
                Arguments.of("load", ModuleRules.LOAD_NEVER_ON_ANALYSIS, "dev.oktyv.bench.load"),
                Arguments.of("results-store-pg", ModuleRules.PG_STORE_ONLY_THROUGH_RUN_STORE, "dev.oktyv.results.store.pg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theMainClassesKeepTheRule(String module, ArchRule rule, String packageName) {
        assertThat(main.stream().anyMatch(c -> c.getPackageName().startsWith(packageName)))
                .as("no main class of %s was imported: the rule would hold vacuously", module).isTrue();
        rule.check(main);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of(ModuleRules.RESULTS_MODEL_DEPENDS_ON_NOTHING_OF_OURS, ModelCallsTheProfiler.class,
                        "dev.oktyv.profiles"),
                Arguments.of(ModuleRules.LOAD_NEVER_ON_ANALYSIS, LoadReadsTheAnalysisModel.class, "dev.oktyv.analysis"),
                Arguments.of(ModuleRules.PROBES_ON_ENGINES_AND_RESULTS_MODEL_ONLY,
                        dev.oktyv.probes.archfixture.ProbeReadsTheAnalysisModel.class, "dev.oktyv.analysis"),
                Arguments.of(ModuleRules.PG_STORE_ONLY_THROUGH_RUN_STORE,
                        dev.oktyv.bench.store.archfixture.CommandOpensThePgStore.class, "dev.oktyv.results.store.pg"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenRules")
    void aClassThatBreaksTheRuleFailsIt(ArchRule rule, Class<?> fixture, String forbidden) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(forbidden));
    }
}
