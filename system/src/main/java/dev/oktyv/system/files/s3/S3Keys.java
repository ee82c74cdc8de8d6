package dev.oktyv.system.files.s3;

import dev.oktyv.system.files.FileStoreException;
import dev.oktyv.system.files.PathOutsideRootException;
import dev.oktyv.system.files.TraversalCheck;

/**
 * Maps a caller's relative path to an object key under the store's prefix. The path is screened by the local
 * store's own {@link TraversalCheck} (so both backends refuse exactly the same corpus), then its segments are
 * resolved ({@code a/./b/../c} becomes {@code a/c}) the way the local store's {@code Path.normalize} does, so one
 * path names the same file in both backends and S3 never sees a {@code ..} it might normalise differently.
 */
final class S3Keys {

    private final String prefix;

    S3Keys(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** The key for {@code path}; {@code prefix} itself when the path names the root (e.g. {@code "."}). */
    String key(String path) {
        if (path == null) {
            throw new PathOutsideRootException("null", "no path given");
        }
        String reason = TraversalCheck.rejectReason(path);
        if (reason != null) {
            throw new PathOutsideRootException(path, reason);
        }
        String key = prefix + normalise(path);
        if (!key.startsWith(prefix)) { // cannot happen after the check; kept so a regression fails closed
            throw new PathOutsideRootException(path, "'..' escapes the root");
        }
        return key;
    }

    /** Like {@link #key} but refuses the root itself, which is no object. */
    String objectKey(String path) {
        String key = key(path);
        if (key.length() == prefix.length()) {
            throw new FileStoreException("path '" + FileStoreException.printable(path) + "' is the store root itself");
        }
        return key;
    }

    /** The key prefix listing the entries directly under {@code dir}. */
    String dirPrefix(String dir) {
        String key = key(dir);
        return key.length() == prefix.length() ? key : key + "/";
    }

    static String normalise(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                int cut = out.lastIndexOf("/");
                out.setLength(Math.max(cut, 0));
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }
}
