package dev.oktyv.profiles;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a child JVM on this test's class path (the workloads profiled "from outside"). */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(List<String> jvmArgs, String mainClass, String... args) throws IOException {
        return start(Map.of(), jvmArgs, mainClass, args);
    }

    /** {@link #start(List, String, String...)} with extra environment variables (e.g. {@code LD_PRELOAD}). */
    public static Process start(Map<String, String> env, List<String> jvmArgs, String mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs to completion within {@code timeoutSeconds}; fails the test otherwise. Returns the output. */
    public static String run(List<String> jvmArgs, String mainClass, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        return run(Map.of(), jvmArgs, mainClass, timeoutSeconds, args);
    }

    /** {@link #run(List, String, long, String...)} with extra environment variables. */
    public static String run(Map<String, String> env, List<String> jvmArgs, String mainClass, long timeoutSeconds,
            String... args) throws IOException, InterruptedException {
        Process p = start(env, jvmArgs, mainClass, args);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM " + mainClass + " did not finish in " + timeoutSeconds + " s");
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new AssertionError("child JVM exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    /** Surefire may run us from a manifest-only jar; java.class.path then lacks the real entries. */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path", "") + File.pathSeparator;
    }
}
