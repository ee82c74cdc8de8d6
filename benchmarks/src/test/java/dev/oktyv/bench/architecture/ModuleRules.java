package dev.oktyv.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Which module may use which: dependencies point one way, from the engines ({@code system}) and the run-folder
 * owner ({@code results-model}) at the bottom, through {@code profiles} and {@code analysis}, to the command line.
 * One rule each, so a test can show each one failing on a fixture.
 */
final class ModuleRules {

    static final String SYSTEM = "dev.oktyv.system..";
    static final String RESULTS = "dev.oktyv.results..";
    static final String PROFILES = "dev.oktyv.profiles..";
    static final String ANALYSIS = "dev.oktyv.analysis..";
    static final String PROBES = "dev.oktyv.probes..";
    static final String BENCH = "dev.oktyv.bench..";

    static final String PG_STORE = "dev.oktyv.results.store.pg..";

    private ModuleRules() {
    }

    /** The engines under test never know the suite exists. */
    static final ArchRule SYSTEM_DEPENDS_ON_NOTHING_OF_OURS = noClasses().that().resideInAPackage(SYSTEM)
            .should().dependOnClassesThat().resideInAnyPackage(RESULTS, PROFILES, ANALYSIS, PROBES, BENCH)
            .because("the engines under test never know the suite exists");

    /** The ground floor: producers and readers depend on it, so it can depend on none of them. */
    static final ArchRule RESULTS_MODEL_DEPENDS_ON_NOTHING_OF_OURS = noClasses().that().resideInAPackage(RESULTS)
            .should().dependOnClassesThat().resideInAnyPackage(SYSTEM, PROFILES, ANALYSIS, PROBES, BENCH)
            .because("results-model owns the run folder for producers and readers alike");

    /** Profiles are a producer: the run folder, never the readers or the command line. */
    static final ArchRule PROFILES_DEPEND_ONLY_ON_THE_RESULTS_MODEL = noClasses().that().resideInAPackage(PROFILES)
            .should().dependOnClassesThat().resideInAnyPackage(SYSTEM, ANALYSIS, PROBES, BENCH)
            .because("the profiler writes artifacts by results-model's naming and knows nothing of their readers");

    /** Analysis reads run folders; it never runs a workload. */
    static final ArchRule ANALYSIS_NEVER_ON_SYSTEM_OR_BENCHMARKS = noClasses().that().resideInAPackage(ANALYSIS)
            .should().dependOnClassesThat().resideInAnyPackage(SYSTEM, BENCH)
            .because("analysis reads run folders and never runs a workload");

    /** Probes attack the engines and write outcomes through results-model; they never read analysis or the CLI. */
    static final ArchRule PROBES_ON_ENGINES_AND_RESULTS_MODEL_ONLY = noClasses().that().resideInAPackage(PROBES)
            .should().dependOnClassesThat().resideInAnyPackage(PROFILES, ANALYSIS, BENCH)
            .because("a probe is a producer: it drives the engines and writes through results-model");

    /** The load producer writes through results-model, not through its consumer's model. */
    static final ArchRule LOAD_NEVER_ON_ANALYSIS = noClasses().that().resideInAPackage("dev.oktyv.bench.load..")
            .should().dependOnClassesThat().resideInAPackage(ANALYSIS)
            .because("the load runner is a producer: it writes through results-model, not the consumer's model");

    /** The shared store is one RunStore among others: everyone else knows only the interface (ServiceLoader). */
    static final ArchRule PG_STORE_ONLY_THROUGH_RUN_STORE = noClasses().that().resideOutsideOfPackage(PG_STORE)
            .should().dependOnClassesThat().resideInAPackage(PG_STORE)
            .because("the PostgreSQL store is found through RunStoreProvider; readers and writers see only RunStore");
}
