package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedFileStoreTest {

    @TempDir
    Path tmp;

    private ConfinedFileStore store(long maxFileSize) {
        return new ConfinedFileStore(FileStoreConfig.builder(tmp.resolve("root")).maxFileSizeBytes(maxFileSize)
                .maxZipEntries(20).maxZipTotalBytes(1 << 20).build());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripOfEveryOperation() {
        ConfinedFileStore s = store(1 << 20);
        s.mkdir("docs/sub");
        s.write("docs/a.txt", utf8("alpha"));
        assertThat(s.write("docs/sub/b.txt", new ByteArrayInputStream(utf8("beta")))).isEqualTo(4);
        assertThat(s.read("docs/a.txt")).isEqualTo(utf8("alpha"));
        assertThat(s.exists("docs/a.txt")).isTrue();
        assertThat(s.exists("docs/missing.txt")).isFalse();

        assertThat(s.copy("docs/a.txt", "docs/a-copy.txt")).isEqualTo(5);
        s.move("docs/a-copy.txt", "docs/moved/a2.txt");
        assertThat(s.exists("docs/a-copy.txt")).isFalse();
        assertThat(s.read("docs/moved/a2.txt")).isEqualTo(utf8("alpha"));

        assertThat(s.list("docs")).extracting(FileEntry::name, FileEntry::type, FileEntry::sizeBytes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.txt", FileType.FILE, 5L),
                org.assertj.core.groups.Tuple.tuple("moved", FileType.DIRECTORY,
                        s.list("docs").get(1).sizeBytes()),
                org.assertj.core.groups.Tuple.tuple("sub", FileType.DIRECTORY, s.list("docs").get(2).sizeBytes()));
        FileStat st = s.stat("docs/sub/b.txt");
        assertThat(st.type()).isEqualTo(FileType.FILE);
        assertThat(st.sizeBytes()).isEqualTo(4);
        assertThat(st.path()).isEqualTo("docs/sub/b.txt");

        // Known vectors (FIPS 180-2 "abc").
        s.write("abc", utf8("abc"));
        assertThat(s.hash("abc", HashAlgorithm.SHA_256).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(s.hash("abc", HashAlgorithm.SHA_512).hex()).isEqualTo(
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");

        assertThat(s.archive("docs", "out/docs.zip")).isEqualTo(3);
        assertThat(s.extract("out/docs.zip", "restored")).isEqualTo(3);
        assertThat(s.read("restored/a.txt")).isEqualTo(utf8("alpha"));
        assertThat(s.read("restored/sub/b.txt")).isEqualTo(utf8("beta"));
        assertThat(s.read("restored/moved/a2.txt")).isEqualTo(utf8("alpha"));

        s.write("docs/a.txt", utf8("replaced"));
        assertThat(s.read("docs/a.txt")).isEqualTo(utf8("replaced"));
        assertThat(s.delete("docs/a.txt")).isTrue();
        assertThat(s.delete("docs/a.txt")).isFalse();
        assertThatThrownBy(() -> s.delete("docs")).isInstanceOf(FileStoreException.class)
                .hasMessageStartingWith("delete 'docs' failed: DirectoryNotEmptyException");
        assertThatThrownBy(() -> s.delete(".")).hasMessageContaining("is the store root itself");
        assertThatThrownBy(() -> s.extract("out/docs.zip", "restored")).hasMessageContaining("already exists");
    }

    @Test
    void hashOfALargeFileMatchesAnIndependentDigest() throws Exception {
        ConfinedFileStore s = store(8 << 20);
        byte[] data = new byte[3 * ConfinedFileStore.IO_BUFFER_BYTES + 12345];
        new java.util.Random(7).nextBytes(data);
        s.write("big.bin", data);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        Digest d = s.hash("big.bin", HashAlgorithm.SHA_256);
        assertThat(d.hex()).isEqualTo(expected);
        assertThat(d.bytesHashed()).isEqualTo(data.length);
    }

    @Test
    void sizeLimitRejectsOversizedWritesAndLeavesNoPartialFile() throws Exception {
        ConfinedFileStore s = store(1000);
        s.write("keep.txt", utf8("previous"));
        assertThatThrownBy(() -> s.write("keep.txt", new byte[1001])).isInstanceOf(FileTooLargeException.class)
                .hasMessage("file 'keep.txt' exceeds the maximum file size of 1000 bytes");

        // Streaming: the limit is discovered mid-stream, after bytes were already written to the temp file.
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ < 1_000_000 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served += len;
                return len;
            }
        };
        assertThatThrownBy(() -> s.write("keep.txt", endless)).isInstanceOf(FileTooLargeException.class);
        assertThatThrownBy(() -> s.write("new.txt", endless)).isInstanceOf(FileTooLargeException.class);
        assertThat(s.read("keep.txt")).isEqualTo(utf8("previous"));
        assertThat(s.exists("new.txt")).isFalse();
        s.write("exact.bin", new ByteArrayInputStream(new byte[1000]));
        assertThat(s.stat("exact.bin").sizeBytes()).isEqualTo(1000);
        try (Stream<Path> files = Files.list(tmp.resolve("root"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keep.txt", "exact.bin");
        }

        Files.write(tmp.resolve("root/planted.bin"), new byte[2000]);
        assertThatThrownBy(() -> s.read("planted.bin")).isInstanceOf(FileTooLargeException.class);
        assertThatThrownBy(() -> s.copy("planted.bin", "copy.bin")).isInstanceOf(FileTooLargeException.class);
        assertThat(s.exists("copy.bin")).isFalse();
    }

    @Test
    void newFilesAre0600AndNewDirectories0700() throws Exception {
        ConfinedFileStore s = store(1 << 20);
        s.write("w/x/file.txt", utf8("x"));
        s.write("streamed.txt", new ByteArrayInputStream(utf8("y")));
        s.mkdir("m1/m2");
        s.copy("streamed.txt", "copied.txt");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("z/inner.txt", utf8("z"));
        s.write("p.zip", Zips.of(entries));
        s.extract("p.zip", "ex");
        for (String f : new String[] {"w/x/file.txt", "streamed.txt", "copied.txt", "p.zip", "ex/z/inner.txt"}) {
            assertThat(s.stat(f).permissions()).as(f).contains("rw-------");
        }
        for (String d : new String[] {"w", "w/x", "m1", "m1/m2", "ex", "ex/z"}) {
            assertThat(s.stat(d).permissions()).as(d).contains("rwx------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("root"))))
                .isEqualTo("rwx------");
    }

    @Test
    void zipBombIsStoppedByCountingInflatedBytes() {
        ConfinedFileStore s = store(64 << 20);
        // 16 MiB of zeros deflates to ~16 KiB: the limit (1 MiB) must trip while inflating.
        s.write("bomb.zip", Zips.single("zeros.bin", new byte[16 << 20]));
        assertThat(s.stat("bomb.zip").sizeBytes()).isLessThan(100_000);
        assertThatThrownBy(() -> s.extract("bomb.zip", "bomb"))
                .isInstanceOf(ZipLimitExceededException.class)
                .hasMessage("zip 'bomb.zip' exceeds the total uncompressed size limit of 1048576 bytes;"
                        + " extraction aborted and rolled back");
        assertThat(s.exists("bomb")).isFalse();
        assertThat(s.list(".")).extracting(FileEntry::name).containsExactly("bomb.zip");
    }

    /** Headers claiming 10 bytes for 16 MiB of zeros: only counting what is actually inflated stops it. */
    @Test
    void zipWhoseHeadersLieAboutTheSizeIsStoppedByInflatedBytes() throws Exception {
        ConfinedFileStore s = store(64 << 20);
        byte[] zip = Zips.lyingSize("zeros.bin", new byte[16 << 20], 10);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            assertThat(in.getNextEntry().getSize()).as("the fixture lies in its header").isEqualTo(10);
        }
        s.write("liar.zip", zip);
        assertThatThrownBy(() -> s.extract("liar.zip", "liar"))
                .isInstanceOf(ZipLimitExceededException.class)
                .hasMessageContaining("exceeds the total uncompressed size limit of 1048576 bytes");
        assertThat(s.exists("liar")).isFalse();
    }

    @Test
    void zipWithTooManyEntriesIsRefused() {
        ConfinedFileStore s = store(1 << 20);
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("f" + i, new byte[] {1});
        }
        s.write("many.zip", Zips.of(many));
        assertThatThrownBy(() -> s.extract("many.zip", "many")).isInstanceOf(ZipLimitExceededException.class)
                .hasMessageContaining("the entry limit of 20");
        assertThat(s.exists("many")).isFalse();
    }

    @Test
    void configRejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> FileStoreConfig.builder(tmp).maxFileSizeBytes(0))
                .hasMessage("maxFileSizeBytes must be at least 1, was 0");
        assertThatThrownBy(() -> FileStoreConfig.builder(tmp).maxZipEntries(-3))
                .hasMessage("maxZipEntries must be at least 1, was -3");
    }
}
