package dev.oktyv.profiles.flame;

import dev.oktyv.results.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One output format of a {@link StackProfile}. Subclasses write one format each ({@link CollapsedConverter},
 * {@link FlameGraphConverter}); callers pick one and never special-case the format.
 */
public abstract class ProfileConverter {

    /** Writes {@code profile}; callers have already refused an empty profile. */
    public abstract void write(StackProfile profile, OutputStream out) throws IOException;

    /**
     * Writes {@code profile} to {@code target} atomically.
     *
     * @throws EmptyProfileException the profile has no samples: nothing is written, so no empty graph appears
     */
    public final void writeTo(StackProfile profile, Path target) throws IOException {
        if (profile.isEmpty()) {
            throw new EmptyProfileException(profile.event());
        }
        AtomicFiles.write(target, out -> write(profile, out));
    }
}
