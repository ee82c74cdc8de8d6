package dev.oktyv.bench.store;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --branch}: with {@link StoreOptions}' {@code --host-class}, which runs {@code latest}, {@code latest~N} and
 * listings count ({@link StoreOptions#filter}).
 */
public final class RunFilterOptions {

    @Option(names = "--branch", paramLabel = "NAME", description = "Only runs measured on this git branch.")
    String branch;

    Optional<String> branch() {
        return Optional.ofNullable(branch);
    }
}
