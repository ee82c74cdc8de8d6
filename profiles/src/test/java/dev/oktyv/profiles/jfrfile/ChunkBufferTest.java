package dev.oktyv.profiles.jfrfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkBufferTest {

    private static ChunkBuffer of(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ChunkBuffer(b);
    }

    @Test
    void compressedIntegersAreSevenBitsLowFirstWithAFullNinthByte() throws Exception {
        assertThat(of(0x00).readLong()).isZero();
        assertThat(of(0x7F).readLong()).isEqualTo(127);
        assertThat(of(0xAC, 0x02).readLong()).isEqualTo(300);
        // -1: eight bytes of seven one-bits, then a ninth byte whose eight bits are all used.
        assertThat(of(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF).readLong()).isEqualTo(-1L);
        assertThat(of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).readLong()).isEqualTo(1L << 56);
    }

    @Test
    void everyStringEncoding() throws Exception {
        ChunkBuffer in = of(0, 1, 2, 7, 3, 2, 'h', 'i', 4, 2, 0x41, 0xE9, 0x01, 5, 1, 0xE9);
        assertThat(in.readString()).isNull();
        assertThat(in.readString()).isEqualTo("");
        assertThat(in.readString()).isEqualTo(new ChunkBuffer.StringRef(7));
        assertThat(in.readString()).isEqualTo("hi");
        assertThat(in.readString()).isEqualTo("A\u00e9");
        assertThat(in.readString()).isEqualTo("\u00e9");
        assertThat(in.position()).isEqualTo(16);
    }

    @Test
    void skippingAStringLandsWhereReadingDoes() throws Exception {
        ChunkBuffer in = of(3, 2, 'h', 'i', 4, 2, 0x41, 0xE9, 0x01, 2, 0xAC, 0x02, 9);
        in.skipString();
        in.skipString();
        in.skipString();
        assertThat(in.readByte()).isEqualTo((byte) 9);
    }

    @Test
    void runningOffTheEndIsAFormatErrorWithTheOffset() {
        assertThatThrownBy(() -> of(0x80, 0x80).readLong()).isInstanceOf(JfrFormatException.class)
                .hasMessageContaining("offset 2");
        assertThatThrownBy(() -> of(3, 9, 'a').readString()).isInstanceOf(JfrFormatException.class)
                .hasMessageContaining("runs past");
        assertThatThrownBy(() -> of(6).readString()).hasMessageContaining("unknown string encoding 6");
    }
}
