package dev.oktyv.profiles.jmh;

import dev.oktyv.profiles.capture.CaptureOptions;
import dev.oktyv.profiles.capture.ProfileRequest;
import java.nio.file.Path;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/** What the {@code run} command calls to honour {@code --profile}. */
public final class JmhProfiling {

    private JmhProfiling() {
    }

    /**
     * Adds {@link OktyvProfiler} to the JMH options so every benchmark of the run writes
     * {@code <runFolder>/profiles/<benchmark-id>/...}. Does nothing for {@link ProfileRequest#NONE}.
     *
     * @return the same builder, for chaining
     */
    public static ChainedOptionsBuilder apply(ChainedOptionsBuilder builder, ProfileRequest request, Path runFolder) {
        return apply(builder, request, CaptureOptions.DEFAULTS, runFolder);
    }

    public static ChainedOptionsBuilder apply(ChainedOptionsBuilder builder, ProfileRequest request,
            CaptureOptions capture, Path runFolder) {
        if (request.isEmpty()) {
            return builder;
        }
        JmhProfilerOptions o = new JmhProfilerOptions(runFolder.resolve(dev.oktyv.results.RunFolder.PROFILES_DIR), request, capture);
        return builder.addProfiler(OktyvProfiler.class, o.toInitLine());
    }
}
