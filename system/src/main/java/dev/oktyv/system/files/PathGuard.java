package dev.oktyv.system.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a caller's relative path into a path under the root, or refuses it with {@link PathOutsideRootException}.
 * Order: string screening ({@link TraversalCheck}), then resolve-and-normalise against the real root, then a walk
 * down the existing components checking that no symlink among them leads outside.
 *
 * <p>The check and the later open are separate system calls, so a process that can create symlinks inside the
 * root at the same moment could race it (TOCTOU); {@link SecureRoot} closes that window for reads, writes, moves
 * and deletes by opening every component relative to an open directory without following links.
 */
final class PathGuard {

    private final Path root;

    PathGuard(Path realRoot) {
        this.root = realRoot;
    }

    Path root() {
        return root;
    }

    Path resolve(String given) {
        Path candidate = resolveLexically(given);
        checkSymlinks(given, candidate);
        return candidate;
    }

    /**
     * The string screening and the lexical confinement of {@link #resolve}, without its walk over the existing
     * components. Only for an operation that then walks the path itself with {@link SecureRoot} (every component
     * opened with O_NOFOLLOW, every symlink's target checked to stay inside): that walk is the same check without
     * the race, so the path-based lstat walk before it would only repeat it (about a tenth of a 4 KiB read's
     * time in the profile of {@code FileReadBenchmark}).
     */
    Path resolveLexically(String given) {
        if (given == null) {
            throw new PathOutsideRootException("null", "no path given");
        }
        String reason = TraversalCheck.rejectReason(given);
        if (reason != null) {
            throw new PathOutsideRootException(given, reason);
        }
        Path relative;
        try {
            relative = root.getFileSystem().getPath(given);
        } catch (InvalidPathException e) {
            throw new PathOutsideRootException(given, "not a valid path (" + e.getReason() + ")");
        }
        if (relative.isAbsolute()) {
            throw new PathOutsideRootException(given, "absolute path");
        }
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root)) {
            throw new PathOutsideRootException(given, "'..' escapes the root");
        }
        return candidate;
    }

    /** Like {@link #resolve} but refuses the root itself (deleting or moving the root is never meant). */
    Path resolveBelowRoot(String given) {
        Path p = resolve(given);
        if (p.equals(root)) {
            throw new FileStoreException("path '" + FileStoreException.printable(given) + "' is the store root itself");
        }
        return p;
    }

    private void checkSymlinks(String given, Path candidate) {
        Path p = root;
        for (Path part : root.relativize(candidate)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                Path target = linkTarget(given, p);
                if (!target.startsWith(root)) {
                    throw new PathOutsideRootException(given, "symlink '" + root.relativize(p) + "' leads outside the root");
                }
            } else if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return; // nothing below a missing component can be a link yet
            }
        }
    }

    private Path linkTarget(String given, Path link) {
        try {
            return link.toRealPath();
        } catch (NoSuchFileException dangling) {
            try {
                // A dangling link would be followed by a write that creates its target: judge where it points.
                return link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            } catch (IOException e) {
                throw new PathOutsideRootException(given, "symlink '" + root.relativize(link) + "' cannot be read");
            }
        } catch (IOException e) {
            throw new PathOutsideRootException(given, "symlink '" + root.relativize(link) + "' cannot be resolved");
        }
    }
}
