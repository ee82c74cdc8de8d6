package dev.oktyv.system.files;

/** A read or write exceeded {@link FileStoreConfig#maxFileSizeBytes()}; a write left no file behind. */
public class FileTooLargeException extends FileStoreException {

    private static final long serialVersionUID = 1L;

    public FileTooLargeException(String relativePath, long maxBytes) {
        super("file '" + printable(relativePath) + "' exceeds the maximum file size of " + maxBytes + " bytes");
    }
}
