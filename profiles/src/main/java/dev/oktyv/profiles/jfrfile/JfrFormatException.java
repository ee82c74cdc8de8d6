package dev.oktyv.profiles.jfrfile;

import java.io.IOException;

/** The bytes are not what this reader can decode; the one-line message says what and where. */
public final class JfrFormatException extends IOException {

    public JfrFormatException(String message) {
        super(message);
    }
}
