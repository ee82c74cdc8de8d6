package dev.oktyv.system.files.s3;

import dev.oktyv.system.files.Digest;
import dev.oktyv.system.files.FileEntry;
import dev.oktyv.system.files.FileStat;
import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.files.FileStoreException;
import dev.oktyv.system.files.FileTooLargeException;
import dev.oktyv.system.files.FileType;
import dev.oktyv.system.files.HashAlgorithm;
import dev.oktyv.system.secret.SecretResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The File engine on an S3 bucket, confined to the configured key prefix: every path goes through {@link S3Keys},
 * which screens it with the local store's traversal check. Writes up to the multipart threshold are one PutObject
 * (atomic by S3's semantics); longer streams are a multipart upload that is aborted on any failure. "Directories"
 * are key prefixes: they exist while an object lies below them, and {@link #list} shows them as
 * {@link FileType#DIRECTORY} entries of size 0.
 */
public final class S3FileStore implements FileStore, AutoCloseable {

    private static final int HASH_BUFFER_BYTES = 1 << 17;

    private final S3StoreConfig config;
    private final S3Client s3;
    private final S3Keys keys;
    private final S3Upload uploads;

    public S3FileStore(S3StoreConfig config, SecretResolver resolver) {
        this(config, S3Clients.build(config, resolver));
    }

    S3FileStore(S3StoreConfig config, S3Client s3) {
        this.config = config;
        this.s3 = s3;
        this.keys = new S3Keys(config.prefix());
        this.uploads = new S3Upload(s3, config);
    }

    public S3StoreConfig config() {
        return config;
    }

    @Override
    public byte[] read(String path) {
        String key = keys.objectKey(path);
        long max = Math.min(config.maxFileSizeBytes(), Integer.MAX_VALUE - 8);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(g -> g.bucket(config.bucket()).key(key))) {
            Long length = in.response().contentLength();
            if (length != null && length > max) {
                throw new FileTooLargeException(path, config.maxFileSizeBytes());
            }
            byte[] data = in.readNBytes((int) max + 1);
            if (data.length > max) {
                throw new FileTooLargeException(path, config.maxFileSizeBytes());
            }
            return data;
        } catch (SdkException e) {
            throw S3Failures.failure("read", path, e);
        } catch (IOException e) {
            throw new FileStoreException("read '" + FileStoreException.printable(path) + "' failed: "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public void write(String path, byte[] data) {
        if (data.length > config.maxFileSizeBytes()) {
            throw new FileTooLargeException(path, config.maxFileSizeBytes());
        }
        write(path, new ByteArrayInputStream(data));
    }

    @Override
    public long write(String path, InputStream data) {
        String key = keys.objectKey(path);
        try {
            // Up to the threshold the whole body is in hand, so the size is known and one PutObject suffices.
            byte[] head = data.readNBytes((int) Math.min(config.multipartThresholdBytes() + 1, Integer.MAX_VALUE - 8));
            if (head.length > config.maxFileSizeBytes()) {
                throw new FileTooLargeException(path, config.maxFileSizeBytes());
            }
            if (head.length <= config.multipartThresholdBytes()) {
                PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(config.bucket()).key(key);
                config.sse().ifPresent(put::serverSideEncryption);
                s3.putObject(put.build(), RequestBody.fromBytes(head));
                return head.length;
            }
            return uploads.upload(path, key, new SequenceInputStream(new ByteArrayInputStream(head), data));
        } catch (SdkException e) {
            throw S3Failures.failure("write", path, e);
        } catch (IOException | UncheckedIOException e) {
            throw new FileStoreException("write '" + FileStoreException.printable(path)
                    + "' failed reading the data: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A server-side copy: the bytes never pass through this process, and the target appears whole or not. */
    @Override
    public long copy(String from, String to) {
        String source = keys.objectKey(from);
        String target = keys.objectKey(to);
        long size;
        try {
            size = s3.headObject(h -> h.bucket(config.bucket()).key(source)).contentLength();
        } catch (SdkException e) {
            throw S3Failures.failure("copy to '" + FileStoreException.printable(to) + "' from", from, e);
        }
        if (size > config.maxFileSizeBytes()) {
            throw new FileTooLargeException(from, config.maxFileSizeBytes());
        }
        CopyObjectRequest.Builder copy = CopyObjectRequest.builder().sourceBucket(config.bucket()).sourceKey(source)
                .destinationBucket(config.bucket()).destinationKey(target);
        config.sse().ifPresent(copy::serverSideEncryption);
        try {
            s3.copyObject(copy.build());
            return size;
        } catch (SdkException e) {
            throw S3Failures.failure("copy to '" + FileStoreException.printable(to) + "' from", from, e);
        }
    }

    @Override
    public boolean delete(String path) {
        String key = keys.objectKey(path);
        try {
            if (head(key).isEmpty()) {
                return false;
            }
            s3.deleteObject(d -> d.bucket(config.bucket()).key(key));
            return true;
        } catch (SdkException e) {
            throw S3Failures.failure("delete", path, e);
        }
    }

    @Override
    public List<FileEntry> list(String dir) {
        String prefix = keys.dirPrefix(dir);
        List<FileEntry> out = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(l -> l.bucket(config.bucket())
                    .prefix(prefix).delimiter("/"))) {
                for (CommonPrefix p : page.commonPrefixes()) {
                    String name = p.prefix().substring(prefix.length(), p.prefix().length() - 1);
                    out.add(new FileEntry(name, FileType.DIRECTORY, 0));
                }
                for (S3Object o : page.contents()) {
                    if (o.key().length() > prefix.length()) { // a "directory marker" object is not an entry
                        out.add(new FileEntry(o.key().substring(prefix.length()), FileType.FILE, o.size()));
                    }
                }
            }
        } catch (SdkException e) {
            throw S3Failures.failure("list", dir, e);
        }
        if (out.isEmpty() && !prefix.equals(keys.prefix())) {
            throw S3Failures.notFound("list '" + FileStoreException.printable(dir) + "' failed: no such directory", dir);
        }
        out.sort(Comparator.comparing(FileEntry::name));
        return out;
    }

    @Override
    public FileStat stat(String path) {
        String key = keys.key(path);
        try {
            if (key.length() > keys.prefix().length()) {
                Optional<HeadObjectResponse> head = head(key);
                if (head.isPresent()) {
                    return new FileStat(path, FileType.FILE, head.get().contentLength(), head.get().lastModified(),
                            Optional.empty());
                }
            }
            Optional<S3Object> below = firstBelow(key);
            if (below.isPresent()) {
                return new FileStat(path, FileType.DIRECTORY, 0, below.get().lastModified(), Optional.empty());
            }
        } catch (SdkException e) {
            throw S3Failures.failure("stat", path, e);
        }
        throw S3Failures.notFound("stat '" + FileStoreException.printable(path) + "' failed: no such file", path);
    }

    @Override
    public boolean exists(String path) {
        String key = keys.key(path);
        try {
            return key.length() > keys.prefix().length() && head(key).isPresent() || firstBelow(key).isPresent();
        } catch (SdkException e) {
            throw S3Failures.failure("exists", path, e);
        }
    }

    @Override
    public Digest hash(String path, HashAlgorithm algorithm) {
        String key = keys.objectKey(path);
        MessageDigest md = algorithm.newDigest();
        long total = 0;
        try (InputStream in = s3.getObject(g -> g.bucket(config.bucket()).key(key))) {
            byte[] buf = new byte[HASH_BUFFER_BYTES];
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
                total += n;
            }
        } catch (SdkException e) {
            throw S3Failures.failure("hash", path, e);
        } catch (IOException e) {
            throw new FileStoreException("hash '" + FileStoreException.printable(path) + "' failed: "
                    + e.getClass().getSimpleName());
        }
        return new Digest(algorithm, HexFormat.of().formatHex(md.digest()), total);
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3FileStore[bucket=" + config.bucket() + ", prefix=" + config.prefix() + "]";
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(h -> h.bucket(config.bucket()).key(key)));
        } catch (SdkException e) {
            if (S3Failures.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<S3Object> firstBelow(String key) {
        String prefix = key.length() == keys.prefix().length() ? key : key + "/";
        return s3.listObjectsV2(l -> l.bucket(config.bucket()).prefix(prefix).maxKeys(1)).contents().stream()
                .findFirst();
    }
}
