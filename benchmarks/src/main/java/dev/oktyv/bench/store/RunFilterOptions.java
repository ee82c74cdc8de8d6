package dev.oktyv.bench.store;

import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.results.HostClass;
import dev.oktyv.results.RunFilter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --branch}, {@code --host-class}: which runs {@code latest}, {@code latest~N} and listings count. */
public final class RunFilterOptions {

    @Option(names = "--branch", paramLabel = "NAME", description = "Only runs measured on this git branch.")
    String branch;

    @Option(names = "--host-class", paramLabel = "NAME", description = "Only runs of this host class (named with"
            + " $" + dev.oktyv.results.HostInfo.HOST_CLASS_ENV + ", or derived: <cpu-model>-<cores>c-jdk<major>).")
    String hostClass;

    public RunFilter filter() {
        if (hostClass != null) {
            try {
                HostClass.requireValid(hostClass);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--host-class: " + e.getMessage());
            }
        }
        return new RunFilter(Optional.ofNullable(branch), Optional.ofNullable(hostClass), Optional.empty());
    }

    public boolean any() {
        return branch != null || hostClass != null;
    }
}
