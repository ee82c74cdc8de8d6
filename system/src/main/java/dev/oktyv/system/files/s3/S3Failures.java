package dev.oktyv.system.files.s3;

import dev.oktyv.system.files.FileStoreException;
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
        FileStoreException out = new FileStoreException(op + " '" + FileStoreException.printable(given)
                + "' failed: " + reason);
        out.setStackTrace(e.getStackTrace());
        return out;
    }

    static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }
}
