package dev.oktyv.profiles.capture;

import java.util.Locale;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;

/**
 * Where the native async-profiler comes from. The default extracts the library bundled in ap-loader; tests
 * substitute an "unsupported platform" provider to check the JFR-only degradation.
 */
@FunctionalInterface
public interface AsyncProfilerProvider {

    /** The loaded profiler; throws {@link UnsupportedOperationException} with a one-line reason if none. */
    AsyncProfiler load();

    AsyncProfilerProvider AP_LOADER = () -> {
        if (!AsyncProfilerLoader.isSupported()) {
            throw new UnsupportedOperationException("async-profiler has no build for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch").toLowerCase(Locale.ROOT));
        }
        try {
            return AsyncProfilerLoader.load();
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new UnsupportedOperationException("async-profiler failed to load: " + e.getMessage(), e);
        }
    };
}
