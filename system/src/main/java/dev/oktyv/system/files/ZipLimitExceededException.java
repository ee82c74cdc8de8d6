package dev.oktyv.system.files;

/** A zip being extracted passed the entry-count or total-uncompressed-size bound; nothing was extracted. */
public class ZipLimitExceededException extends FileStoreException {

    private static final long serialVersionUID = 1L;

    public ZipLimitExceededException(String zipPath, String limit) {
        super("zip '" + printable(zipPath) + "' exceeds " + limit + "; extraction aborted and rolled back");
    }
}
