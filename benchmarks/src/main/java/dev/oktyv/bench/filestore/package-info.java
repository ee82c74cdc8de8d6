/**
 * Which file store a command, scenario or benchmark runs against: the local, root-confined store or the S3 backend,
 * and the S3 settings shared by {@code serve}, {@code load}, {@code security}, {@code readiness} (one picocli mixin,
 * {@link dev.oktyv.bench.filestore.FileStoreOptions}) and the JMH file benchmarks (system properties).
 */
package dev.oktyv.bench.filestore;
