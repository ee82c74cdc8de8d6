package dev.oktyv.profiles.jfrfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes a chunk's metadata event declares, by id and by name. The metadata is a string table followed by a
 * tree of elements ({@code root > metadata > class > field}) whose names and attribute keys and values are indexes
 * into that table.
 */
final class JfrMetadata {

    private final Map<Long, ClassDef> byId;
    private final Map<String, ClassDef> byName;

    private JfrMetadata(Map<Long, ClassDef> byId) {
        this.byId = byId;
        this.byName = new HashMap<>();
        byId.values().forEach(c -> byName.putIfAbsent(c.name(), c));
    }

    ClassDef byId(long id) throws JfrFormatException {
        ClassDef c = byId.get(id);
        if (c == null) {
            throw new JfrFormatException("type id " + id + " is not in the chunk's metadata");
        }
        return c;
    }

    /** The class called {@code name}, or null when this chunk does not declare it. */
    ClassDef byName(String name) {
        return byName.get(name);
    }

    /** Reads the metadata event at {@code offset}. */
    static JfrMetadata read(ChunkBuffer in, long offset) throws JfrFormatException {
        in.enterEvent(offset, 0, "metadata");
        in.readLong(); // metadata id
        int n = in.readInt();
        if (n < 0 || n > in.limit()) {
            throw new JfrFormatException("metadata string table of " + n + " entries at offset " + offset);
        }
        String[] strings = new String[n];
        for (int i = 0; i < n; i++) {
            Object s = in.readString();
            if (s != null && !(s instanceof String)) {
                throw new JfrFormatException("metadata string " + i + " refers to a constant pool");
            }
            strings[i] = (String) s;
        }
        Element root = element(in, strings, 0);
        Map<Long, ClassDef> classes = new HashMap<>();
        for (Element m : root.children) {
            if (!m.name.equals("metadata")) {
                continue;
            }
            for (Element c : m.children) {
                if (c.name.equals("class")) {
                    ClassDef def = classDef(c);
                    classes.put(def.id(), def);
                }
            }
        }
        return new JfrMetadata(classes);
    }

    private record Element(String name, Map<String, String> attributes, List<Element> children) {
    }

    private static Element element(ChunkBuffer in, String[] strings, int depth) throws JfrFormatException {
        if (depth > 64) {
            throw new JfrFormatException("metadata elements nested more than 64 deep");
        }
        String name = string(in, strings);
        int attrs = count(in);
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < attrs; i++) {
            a.put(string(in, strings), string(in, strings));
        }
        int kids = count(in);
        List<Element> children = new ArrayList<>(kids);
        for (int i = 0; i < kids; i++) {
            children.add(element(in, strings, depth + 1));
        }
        return new Element(name, a, children);
    }

    private static ClassDef classDef(Element c) throws JfrFormatException {
        List<FieldDef> fields = new ArrayList<>();
        for (Element f : c.children) {
            if (f.name.equals("field")) {
                fields.add(new FieldDef(f.attributes.get("name"), id(f, "class"),
                        "true".equals(f.attributes.get("constantPool")),
                        f.attributes.containsKey("dimension") && !"0".equals(f.attributes.get("dimension"))));
            }
        }
        return new ClassDef(id(c, "id"), c.attributes.get("name"), c.attributes.get("superType"), fields);
    }

    private static long id(Element e, String attribute) throws JfrFormatException {
        String v = e.attributes.get(attribute);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException | NullPointerException x) {
            throw new JfrFormatException("metadata " + e.name + " " + e.attributes.get("name") + " has " + attribute
                    + "='" + v + "', not a number");
        }
    }

    private static int count(ChunkBuffer in) throws JfrFormatException {
        int n = in.readInt();
        if (n < 0 || n > in.limit()) {
            throw new JfrFormatException("metadata element count " + n + " at offset " + in.position());
        }
        return n;
    }

    private static String string(ChunkBuffer in, String[] strings) throws JfrFormatException {
        int i = in.readInt();
        if (i < 0 || i >= strings.length) {
            throw new JfrFormatException("metadata string index " + i + " outside its table of " + strings.length);
        }
        return strings[i];
    }
}
