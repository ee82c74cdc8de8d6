package dev.oktyv.bench.cli;

import dev.oktyv.bench.OktyvBench;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link OktyvBench#execute} in-process and captures what it printed. */
public final class Cli {

    public record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OktyvBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }
}
