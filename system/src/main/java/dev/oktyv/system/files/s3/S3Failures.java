package dev.oktyv.system.files.s3;

import dev.oktyv.system.files.FileStoreException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Rewrites SDK failures into {@link FileStoreException}s that name the operation, the relative path as given and
 * S3's error code only: never the bucket URL, a signature, a request id or anything the server echoed back.
 */
final class S3Failures {

    private S3Failures() {
    }

    static FileStoreException failure(String op, String given, SdkException e) {
        String reason;
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            reason = "S3 " + s3.statusCode() + (code == null ? "" : " " + code);
        } else {
            reason = e.getClass().getSimpleName();
        }
        String message = op + " '" + FileStoreException.printable(given) + "' failed: " + reason;
        // A missing object carries the same cause as a missing file in the local store, so callers (the file
        // routes' 404) tell "not there" from "failed" the same way for both backends. The SDK exception itself is
        // not kept as the cause: its text names the endpoint and request ids.
        FileStoreException out = isNotFound(e) ? notFound(message, given) : new FileStoreException(message);
        out.setStackTrace(e.getStackTrace());
        return out;
    }

    static FileStoreException notFound(String message, String given) {
        return new FileStoreException(message, new NoSuchFileException(given));
    }

    static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }
}
