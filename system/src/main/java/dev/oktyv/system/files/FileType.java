package dev.oktyv.system.files;

/** What a directory entry is, read without following symlinks. */
public enum FileType {
    FILE, DIRECTORY, SYMLINK, OTHER
}
