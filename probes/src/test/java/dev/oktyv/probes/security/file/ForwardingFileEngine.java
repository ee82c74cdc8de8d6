package dev.oktyv.probes.security.file;

import java.io.InputStream;
import java.util.List;

/** The real engine, with whatever a test overrides. */
class ForwardingFileEngine implements FileEngine {

    final FileEngine inner;

    ForwardingFileEngine(FileEngine inner) {
        this.inner = inner;
    }

    @Override
    public byte[] read(String path) {
        return inner.read(path);
    }

    @Override
    public void write(String path, byte[] data) {
        inner.write(path, data);
    }

    @Override
    public long write(String path, InputStream data) {
        return inner.write(path, data);
    }

    @Override
    public long copy(String from, String to) {
        return inner.copy(from, to);
    }

    @Override
    public void move(String from, String to) {
        inner.move(from, to);
    }

    @Override
    public boolean delete(String path) {
        return inner.delete(path);
    }

    @Override
    public List<String> list(String dir) {
        return inner.list(dir);
    }

    @Override
    public long size(String path) {
        return inner.size(path);
    }

    @Override
    public boolean exists(String path) {
        return inner.exists(path);
    }

    @Override
    public void mkdir(String path) {
        inner.mkdir(path);
    }

    @Override
    public String sha256(String path) {
        return inner.sha256(path);
    }

    @Override
    public int archive(String sourceDir, String zipPath) {
        return inner.archive(sourceDir, zipPath);
    }

    @Override
    public int extract(String zipPath, String destDir) {
        return inner.extract(zipPath, destDir);
    }
}
