package dev.oktyv.system.files;

/** One entry of {@link ConfinedFileStore#list}: its name within the directory, type and size. */
public record FileEntry(String name, FileType type, long sizeBytes) {
}
