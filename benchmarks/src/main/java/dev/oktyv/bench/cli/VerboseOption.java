package dev.oktyv.bench.cli;

import picocli.CommandLine.Option;

/** Mixin that every sub-command includes, so {@code --verbose} is accepted anywhere on the line. */
public final class VerboseOption {

    @Option(names = "--verbose", description = "Print stack traces and debug detail on errors.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
