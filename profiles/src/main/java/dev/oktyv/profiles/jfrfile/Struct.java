package dev.oktyv.profiles.jfrfile;

/**
 * A decoded value of a class with fields, in the metadata's field order. A constant-pool field holds its key (a
 * {@code Long}); {@link ConstantPools#field} resolves it.
 */
record Struct(ClassDef type, Object[] values) {
}
