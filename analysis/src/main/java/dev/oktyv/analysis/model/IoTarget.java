package dev.oktyv.analysis.model;

import java.util.Objects;

/**
 * What a JFR I/O event waited on: a file by path ({@code jdk.FileRead/FileWrite}) or a socket by host:port
 * ({@code jdk.SocketRead/SocketWrite}). {@link #toString()} is the form messages cite: {@code file:/tmp/x.db},
 * {@code socket:db:5432}.
 */
public record IoTarget(Kind kind, String name) {

    public IoTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static IoTarget file(String path) {
        return new IoTarget(Kind.FILE, path);
    }

    public static IoTarget socket(String host, int port) {
        return new IoTarget(Kind.SOCKET, host + ":" + port);
    }

    @Override
    public String toString() {
        return kind.prefix + name;
    }

    public enum Kind {
        FILE("file:"), SOCKET("socket:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }
}
