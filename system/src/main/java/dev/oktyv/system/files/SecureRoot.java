package dev.oktyv.system.files;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Opens, creates, renames and deletes below the root without a window for a symlink swap. {@link PathGuard}
 * checks a path and the operation then uses it, two system calls apart: a process that flips a symlink inside the
 * root in between made a 15 s race write 13 files and read 11 files outside it. Here every step is relative to a
 * directory that is already open ({@link SecureDirectoryStream}: {@code openat}, {@code renameat},
 * {@code unlinkat}), and every component is opened with {@code O_NOFOLLOW}; a symlink is never followed by the
 * kernel. A symlink inside the root that points inside it is still honoured: its text is read and joined to the
 * path, which is checked again and walked again from the root, component by component.
 *
 * <p>Limits: directories are created by path (the JDK has no {@code mkdirat}); just before, the path is checked
 * to still name the directory that is open, which leaves a window of one system call in which an empty directory
 * could be created outside, never a file. Without {@link SecureDirectoryStream} (macOS, Windows) operations fall
 * back to the checked paths.
 *
 * <p>The root directory is opened once and held (a directory descriptor every walk starts from); opening it anew
 * for each operation was about a third of a 4 KiB read's CPU time ({@code open}, {@code dup}, {@code fdopendir},
 * {@code closedir}). The semantics stay those of opening it by path: each operation first {@code stat}s the root
 * path, and uses the held descriptor only while that path still names the same directory (device and inode). A
 * root that was renamed away or removed fails the operation with {@link NoSuchFileException}, as before; a root
 * replaced by another directory is opened by path for that operation, as before. Either way a walk only ever
 * starts from a directory that the root path named at that moment. Comparing inode numbers is sound because the
 * held descriptor keeps its inode allocated: a root removed and made again gets another number (ext4 hands a freed
 * number out again at once, so without the descriptor this would not hold). The held descriptor is closed when this
 * object becomes unreachable ({@link Cleaner}): the store has no close method, and a store per request must not
 * leak descriptors. Every operation reaches {@link #release} or {@link Location#close} at its end, both of which
 * use this object, so the cleaner cannot close the root in the middle of a walk.
 */
final class SecureRoot {

    private static final int MAX_SYMLINKS = 40;
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    private static final Cleaner HELD_ROOTS = Cleaner.create();

    private final Path root;
    private final PosixModes modes;
    private final boolean secure;
    /** The root, open; null when not {@link #secure} or without file keys. Closed only by the cleaner. */
    private final SecureDirectoryStream<Path> held;
    /** {@code held}'s device and inode, as {@link BasicFileAttributes#fileKey()} of its {@code fstat}. */
    private final Object heldKey;

    SecureRoot(Path realRoot, PosixModes modes) {
        this.root = realRoot;
        this.modes = modes;
        boolean supported;
        try (DirectoryStream<Path> probe = Files.newDirectoryStream(realRoot)) {
            supported = probe instanceof SecureDirectoryStream;
        } catch (IOException e) {
            supported = false;
        }
        this.secure = supported;
        SecureDirectoryStream<Path> open = null;
        Object key = null;
        if (supported) {
            try {
                open = openRoot(realRoot);
                key = open.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
            } catch (IOException e) {
                key = null;
            }
            if (key == null && open != null) {
                // Nothing to compare the root path against: hold nothing and open the root per operation (the
                // walk stays the secure one; only the saving is lost).
                CloseQuietly.close(open);
                open = null;
            }
        }
        this.held = open;
        this.heldKey = key;
        if (open != null) {
            HELD_ROOTS.register(this, new CloseQuietly(open));
        }
    }

    /** The cleaner's action: must not refer to the SecureRoot, or it would never become unreachable. */
    private record CloseQuietly(DirectoryStream<Path> stream) implements Runnable {
        @Override
        public void run() {
            close(stream);
        }

        static void close(DirectoryStream<Path> stream) {
            try {
                stream.close();
            } catch (IOException e) {
                // Nothing to report to: the store that held it is gone (or never got it).
            }
        }
    }

    boolean isSecure() {
        return secure;
    }

    /** A directory below the root, open without following links, and the last name to act on in it. */
    private final class Location implements AutoCloseable {
        final SecureDirectoryStream<Path> dir;
        final Path logical;
        final Path name;

        Location(SecureDirectoryStream<Path> dir, Path logical, Path name) {
            this.dir = dir;
            this.logical = logical;
            this.name = name;
        }

        @Override
        public void close() throws IOException {
            release(dir);
        }
    }

    /** A symlink met on the way: the walk starts again from the root with its target spliced in. */
    private static final class Redirect extends Exception {
        private static final long serialVersionUID = 1L;
        final List<Path> parts;

        Redirect(List<Path> parts) {
            super(null, null, false, false);
            this.parts = parts;
        }
    }

    /** Opens {@code target} (checked by {@link PathGuard}) for reading. */
    FileChannel openForRead(String given, Path target) throws IOException {
        if (!secure) {
            return FileChannel.open(target, StandardOpenOption.READ);
        }
        List<Path> parts = parts(target);
        for (int links = 0; ; links++) {
            try (Location at = locate(given, parts, false, links)) {
                try {
                    return fileChannel(at.dir.newByteChannel(at.name, READ));
                } catch (IOException e) {
                    parts = followIfLink(given, at, List.of(), e);
                }
            } catch (Redirect r) {
                parts = r.parts;
            }
        }
    }

    @FunctionalInterface
    interface Body {
        long write(FileChannel channel) throws IOException;
    }

    /**
     * Writes a new file under a temporary name in the target's directory and renames it over the target; both
     * relative to that open directory. A symlink at the target's own name is replaced, not followed.
     */
    long writeAtomically(String given, Path target, String tempName, Body body, boolean fsync, FileSync sync)
            throws IOException {
        if (!secure) {
            throw new IllegalStateException("no SecureDirectoryStream on this platform; use the path-based write");
        }
        Location at = locateFollowing(given, parts(target), true);
        try (at) {
            Path temp = at.name.getFileSystem().getPath(tempName);
            boolean renamed = false;
            try {
                long written;
                try (FileChannel ch = fileChannel(at.dir.newByteChannel(temp, CREATE, modes.file()))) {
                    written = body.write(ch);
                    if (fsync) {
                        sync.file(ch);
                    }
                }
                at.dir.move(temp, at.dir, at.name);
                renamed = true;
                if (fsync) {
                    sync.directory(root.resolve(at.logical));
                }
                return written;
            } finally {
                if (!renamed) {
                    try {
                        at.dir.deleteFile(temp);
                    } catch (IOException e) {
                        // Best effort: the original failure is what the caller needs to see.
                    }
                }
            }
        }
    }

    /** Renames {@code from} to {@code to}, each relative to its open parent directory. */
    void move(String givenFrom, Path from, String givenTo, Path to, boolean fsync, FileSync sync) throws IOException {
        try (Location source = locateFollowing(givenFrom, parts(from), false);
             Location target = locateFollowing(givenTo, parts(to), true)) {
            source.dir.move(source.name, target.dir, target.name);
            if (fsync) {
                sync.directory(root.resolve(target.logical));
                if (!source.logical.equals(target.logical)) {
                    sync.directory(root.resolve(source.logical));
                }
            }
        }
    }

    /**
     * Creates {@code target} and missing parents. The walk creates every directory but the last component, so
     * a "." is appended: the target itself is then walked (created if missing, opened with O_NOFOLLOW) like any
     * parent. An existing target, or a symlink inside the root leading to a directory, is fine.
     */
    void createDirectories(String given, Path target) throws IOException {
        List<Path> parts = parts(target);
        if (parts.isEmpty()) {
            return; // the root exists
        }
        parts.add(root.getFileSystem().getPath("."));
        locateFollowing(given, parts, true).close();
    }

    /** Deletes a file, symlink (not its target) or empty directory; false when nothing was there. */
    boolean delete(String given, Path target) throws IOException {
        try (Location at = locateFollowing(given, parts(target), false)) {
            BasicFileAttributes a;
            try {
                a = attributes(at.dir, at.name);
            } catch (NoSuchFileException e) {
                return false;
            }
            if (a.isDirectory()) {
                at.dir.deleteDirectory(at.name);
            } else {
                at.dir.deleteFile(at.name);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private Location locateFollowing(String given, List<Path> parts, boolean createDirectories) throws IOException {
        List<Path> current = parts;
        for (int links = 0; ; links++) {
            try {
                return locate(given, current, createDirectories, links);
            } catch (Redirect r) {
                current = r.parts;
            }
        }
    }

    /** Walks the directories of {@code parts} from the root, each opened with O_NOFOLLOW relative to the last. */
    private Location locate(String given, List<Path> parts, boolean createDirectories, int linksSoFar)
            throws IOException, Redirect {
        if (linksSoFar > MAX_SYMLINKS) {
            throw new PathOutsideRootException(given, "more than " + MAX_SYMLINKS + " symlinks on the way");
        }
        if (parts.isEmpty()) {
            throw new FileStoreException("path '" + FileStoreException.printable(given) + "' is the store root itself");
        }
        SecureDirectoryStream<Path> dir = rootForOperation();
        Path logical = root.getFileSystem().getPath("");
        try {
            for (int i = 0; i < parts.size() - 1; i++) {
                Path part = parts.get(i);
                SecureDirectoryStream<Path> child;
                try {
                    child = dir.newDirectoryStream(part, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    if (!createDirectories) {
                        throw e;
                    }
                    createDirectory(dir, logical, part);
                    child = dir.newDirectoryStream(part, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    Location here = new Location(dir, logical, part);
                    throw new Redirect(followIfLink(given, here, parts.subList(i + 1, parts.size()), e));
                }
                release(dir);
                dir = child;
                logical = logical.resolve(part);
            }
            Location at = new Location(dir, logical, parts.get(parts.size() - 1));
            dir = null;
            return at;
        } finally {
            if (dir != null) {
                release(dir);
            }
        }
    }

    /**
     * The held root while the root path still names it (one {@code stat}), else the directory the path names now,
     * opened for this operation only; the same directory that opening the path would give (see the class doc).
     */
    private SecureDirectoryStream<Path> rootForOperation() throws IOException {
        if (held == null) {
            return openRoot();
        }
        Object now = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
        if (heldKey.equals(now)) {
            return held;
        }
        return openRoot();
    }

    private SecureDirectoryStream<Path> openRoot() throws IOException {
        return openRoot(root);
    }

    private static SecureDirectoryStream<Path> openRoot(Path root) throws IOException {
        DirectoryStream<Path> s = Files.newDirectoryStream(root);
        if (s instanceof SecureDirectoryStream<Path> secureStream) {
            return secureStream;
        }
        s.close();
        throw new IOException("the store root is no longer on a file system with SecureDirectoryStream");
    }

    /** Closes a directory of a walk, except the held root, which outlives every operation. */
    private void release(SecureDirectoryStream<Path> dir) throws IOException {
        if (dir != held) {
            dir.close();
        }
    }

    /**
     * {@code failure} came from opening {@code at.name} without following links. If that name is a symlink, the
     * path continues at its target: returns the new components (checked to stay inside the root), else rethrows.
     */
    private List<Path> followIfLink(String given, Location at, List<Path> rest, IOException failure)
            throws IOException {
        BasicFileAttributes a;
        try {
            a = attributes(at.dir, at.name);
        } catch (IOException e) {
            throw failure;
        }
        if (!a.isSymbolicLink()) {
            throw failure;
        }
        Path link = root.resolve(at.logical).resolve(at.name);
        Path text;
        try {
            // By path (there is no readlinkat in the JDK); whatever it says is checked and walked like any input.
            text = Files.readSymbolicLink(link);
        } catch (NotLinkException | NoSuchFileException changed) {
            // Swapped meanwhile: walk the same path again (bounded by the symlink count).
            return concat(parts(link), rest);
        }
        Path target = root.resolve(at.logical).resolve(text).normalize();
        if (!target.startsWith(root)) {
            throw new PathOutsideRootException(given, "symlink '" + at.logical.resolve(at.name)
                    + "' leads outside the root");
        }
        return concat(parts(target), rest);
    }

    /** mkdir by path, after checking that the path still names the directory that is open (see the class doc). */
    private void createDirectory(SecureDirectoryStream<Path> dir, Path logical, Path part) throws IOException {
        Path parentPath = root.resolve(logical);
        Object open = dir.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        Object named = Files.readAttributes(parentPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
        if (open == null || !Objects.equals(open, named)) {
            throw new PathOutsideRootException(logical.resolve(part).toString(),
                    "directory '" + logical + "' was replaced while in use");
        }
        try {
            Files.createDirectory(parentPath.resolve(part), modes.directory());
        } catch (FileAlreadyExistsException raced) {
            // created by someone else meanwhile: it is opened with O_NOFOLLOW next, like any other
        }
    }

    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
    }

    /**
     * The names of {@code target} below the root. By index rather than {@code root.relativize(target)}, which
     * built a relative path only to split it again (about 5% of a 4 KiB read). A target that is not below the root
     * is a bug of the caller and refused: walking its {@code ..} parts from the root would leave it.
     */
    private List<Path> parts(Path target) {
        Path normal = target.normalize();
        if (!normal.startsWith(root)) {
            // Every caller passes a path checked to be below the root; the message names no absolute path.
            throw new IllegalStateException("a path that is not below the store root reached the walk");
        }
        int from = root.getNameCount();
        int to = normal.getNameCount();
        List<Path> out = new ArrayList<>(Math.max(1, to - from) + 1);
        for (int i = from; i < to; i++) {
            Path p = normal.getName(i);
            if (!p.toString().isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static FileChannel fileChannel(SeekableByteChannel channel) throws IOException {
        if (channel instanceof FileChannel fc) {
            return fc;
        }
        channel.close();
        throw new IOException("the platform's SecureDirectoryStream returned no FileChannel");
    }
}
