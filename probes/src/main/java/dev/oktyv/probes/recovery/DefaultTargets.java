package dev.oktyv.probes.recovery;

import dev.oktyv.probes.recovery.api.ApiTarget;
import java.nio.file.Path;

/** The real engines as recovery targets: what {@code oktyv-bench recovery} breaks when nothing else is given. */
public final class DefaultTargets {

    private DefaultTargets() {
    }

    public static RecoveryTargets.Builder real(Path scratchDir) {
        return RecoveryTargets.builder(scratchDir)
                .with(ApiTarget.class, ApiTarget.REAL);
    }
}
