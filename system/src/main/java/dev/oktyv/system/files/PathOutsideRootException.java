package dev.oktyv.system.files;

/**
 * A path was refused because it could leave the store's root: absolute, a {@code ..} escape in any of its
 * plausible decodings, a NUL byte, a symlink leading out, or a zip entry doing any of these. The message names
 * the relative path exactly as the caller gave it (escaped for printing), never the absolute root.
 */
public class PathOutsideRootException extends FileStoreException {

    private static final long serialVersionUID = 1L;

    private final String relativePath;

    public PathOutsideRootException(String relativePath, String reason) {
        super("path '" + printable(relativePath) + "' is outside the store root: " + reason);
        this.relativePath = relativePath;
    }

    /** The path as given by the caller. */
    public String relativePath() {
        return relativePath;
    }
}
