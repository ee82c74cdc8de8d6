package dev.oktyv.profiles.capture;

import dev.oktyv.profiles.calibration.HotMethods;
import java.nio.file.Path;
import java.time.Duration;

/** Child JVM of {@link CpuEngineFallbackTest}: one automatic-engine cpu capture of the known workload. */
public final class CpuCaptureMain {

    private CpuCaptureMain() {
    }

    public static void main(String[] args) throws Exception {
        CaptureRun run = CaptureRun.start(ProfileRequest.parse("cpu"), CaptureOptions.DEFAULTS, Path.of(args[0]),
                "fallback", 1, 0, System.out, AsyncProfilerProvider.AP_LOADER);
        HotMethods.runFor(Duration.ofSeconds(1), 4, 1);
        System.out.println("engine=" + run.stop().cpuEngine().map(dev.oktyv.results.profile.CpuEngine::id).orElse("none"));
    }
}
