package dev.oktyv.bench.run;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;

/**
 * One JMH invocation. A seam so that tests can make JMH fail the way it fails on a shared machine (its lock taken
 * between two benchmarks), which the build's own {@code -Djmh.ignoreLock=true} otherwise rules out.
 */
@FunctionalInterface
interface JmhInvoker {

    JmhInvoker RUNNER = (options, format) -> new Runner(options, format).run();

    Collection<RunResult> run(Options options, OutputFormat format) throws RunnerException;
}
