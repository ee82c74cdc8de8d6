package dev.oktyv.system.files.s3;

import dev.oktyv.system.files.FileTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * One multipart upload. The object only appears when the upload is completed, so aborting on any failure (the
 * size limit, a read error of the caller's stream, an S3 error) leaves neither a partial object nor billed parts.
 */
final class S3Upload {

    private final S3Client s3;
    private final S3StoreConfig config;

    S3Upload(S3Client s3, S3StoreConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    /** Uploads all of {@code in} (already past the multipart threshold) to {@code key}. @return bytes uploaded */
    long upload(String given, String key, InputStream in) {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                .bucket(config.bucket()).key(key);
        config.sse().ifPresent(create::serverSideEncryption);
        String uploadId = s3.createMultipartUpload(create.build()).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            byte[] buf = new byte[(int) Math.min(config.partSizeBytes(), Integer.MAX_VALUE - 8)];
            for (int partNumber = 1; ; partNumber++) {
                int n = in.readNBytes(buf, 0, buf.length);
                if (n == 0 && partNumber > 1) {
                    break;
                }
                total += n;
                if (total > config.maxFileSizeBytes()) {
                    throw new FileTooLargeException(given, config.maxFileSizeBytes());
                }
                int number = partNumber;
                String etag = s3.uploadPart(p -> p.bucket(config.bucket()).key(key).uploadId(uploadId)
                        .partNumber(number).contentLength((long) n), RequestBody.fromBytes(slice(buf, n))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                if (n < buf.length) {
                    break;
                }
            }
            s3.completeMultipartUpload(c -> c.bucket(config.bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return total;
        } catch (IOException e) {
            abort(key, uploadId, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private void abort(String key, String uploadId, Throwable cause) {
        try {
            s3.abortMultipartUpload(a -> a.bucket(config.bucket()).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static byte[] slice(byte[] buf, int n) {
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }
}
