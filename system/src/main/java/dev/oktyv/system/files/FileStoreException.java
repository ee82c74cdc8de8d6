package dev.oktyv.system.files;

/** A File engine operation failed; the message names the operation and the relative path as given. */
public class FileStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FileStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public FileStoreException(String message) {
        super(message);
    }

    /** Makes a caller-supplied path printable on one line (NUL and control characters escaped). */
    public static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && i < 300; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 300 ? b + "..." : b.toString();
    }
}
