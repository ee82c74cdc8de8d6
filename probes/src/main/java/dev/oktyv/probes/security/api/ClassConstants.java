package dev.oktyv.probes.security.api;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a class file the secret scan needs: its string literals, and its fields with their compile-time
 * constant values. A small reader of the constant pool and field table (JVMS §4.4, §4.5), enough to see
 * {@code static final String API_KEY = "..."} and literals in code, nothing more.
 */
final class ClassConstants {

    /** A field and, when it is a compile-time constant string, its value. */
    record Field(String name, String constantValue) {
    }

    final List<String> literals = new ArrayList<>();
    final List<Field> fields = new ArrayList<>();

    static ClassConstants read(byte[] bytes) throws IOException {
        ClassConstants out = new ClassConstants();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] stringRef = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> stringRef[i] = in.readUnsignedShort();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // longs and doubles take two slots
                }
                case 7, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant-pool tag " + tag + " at " + i);
            }
        }
        for (int i = 1; i < count; i++) {
            if (stringRef[i] != 0 && utf8[stringRef[i]] != null) {
                out.literals.add(utf8[stringRef[i]]);
            }
        }
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            in.readUnsignedShort();
        }
        int fieldCount = in.readUnsignedShort();
        for (int f = 0; f < fieldCount; f++) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort();
            String constant = null;
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attr = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if ("ConstantValue".equals(attr) && length == 2) {
                    int index = in.readUnsignedShort();
                    constant = stringRef[index] != 0 ? utf8[stringRef[index]] : null;
                } else {
                    in.skipNBytes(length);
                }
            }
            out.fields.add(new Field(name, constant));
        }
        return out;
    }
}
