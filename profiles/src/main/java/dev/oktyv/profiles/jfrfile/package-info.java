/**
 * A small, fast reader of the JFR file format for the few events a flame graph needs.
 *
 * <p>Why it exists next to {@code jdk.jfr.consumer}: the JDK's parser decodes every field of every selected event
 * into objects and spends a third of its time in the JIT compiling itself; on a 100 MB allocation recording that
 * was 5× the time of {@code jfr summary}. This reader decodes only the fields it needs (stack trace, class,
 * thread, weight) and skips the rest by length, in the manner of async-profiler's converter. It reads whatever
 * the chunk's own metadata describes, so JDK and async-profiler recordings both work; anything it does not
 * understand raises {@link dev.oktyv.profiles.jfrfile.JfrFormatException} and the caller falls back to
 * {@code jdk.jfr.consumer}, which stays the reference (tests compare the two on real recordings).
 *
 * <p>Format, per chunk: a 68-byte header (magic {@code FLR\0}, u2 major, u2 minor, u8 chunk size, u8 offset of
 * the last constant-pool event, u8 offset of the metadata event, u8 start nanos, u8 duration nanos, u8 start ticks,
 * u8 ticks per second, then flags whose bit 0 says integers are LEB128-compressed); then events, each a size and a
 * type id followed by the fields the metadata lists for that type. Type 0 is the metadata (a string table and a
 * tree of class/field elements), type 1 a constant-pool event (a delta to the previous one, then pools of keyed
 * values). Strings start with an encoding byte: 0 null, 1 empty, 2 constant-pool key, 3 UTF-8, 4 chars, 5 Latin-1.
 */
package dev.oktyv.profiles.jfrfile;
