package dev.oktyv.profiles.jfrfile;

/**
 * One field of a JFR class as the chunk's metadata declares it.
 *
 * @param typeId       id of the field's class
 * @param constantPool the value is a key into the pool of {@code typeId}, not the value itself
 * @param array        the value is a length followed by that many elements
 */
record FieldDef(String name, long typeId, boolean constantPool, boolean array) {
}
