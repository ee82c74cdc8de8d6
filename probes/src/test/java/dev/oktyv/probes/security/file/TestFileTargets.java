package dev.oktyv.probes.security.file;

import dev.oktyv.probes.security.SecurityTarget;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** The real file engine and the weakened ones the file probes' tests run against. */
final class TestFileTargets {

    private TestFileTargets() {
    }

    static SecurityTarget target(FileTarget files, Path scratch) {
        return SecurityTarget.builder().with(FileTarget.class, files).scratchDir(scratch).build();
    }

    static FileTarget real() {
        return new EngineFileTarget();
    }

    /** Confinement off: every operation resolves naively and follows symlinks. */
    static FileTarget unconfined() {
        return custom("file store with confinement off", (root, limits) -> new NaiveFileEngine(root));
    }

    /** The real engine except for what {@code weaken} overrides. */
    static FileTarget weakened(String description, BiFunction<FileEngine, Path, FileEngine> weaken) {
        return custom(description, (root, limits) -> weaken.apply(new EngineFileTarget().open(root, limits), root));
    }

    static FileTarget custom(String description, BiFunction<Path, FileLimits, FileEngine> open) {
        return new FileTarget() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public FileEngine open(Path root, FileLimits limits) {
                return open.apply(root, limits);
            }
        };
    }
}
