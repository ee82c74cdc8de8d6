package dev.oktyv.system.email;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An extra header such as {@code X-Request-Id}. The name must be an RFC 5322 field name, and headers the engine
 * sets itself (addresses, subject, MIME structure) cannot be overridden: a custom "Bcc" would otherwise add a
 * recipient without passing address validation.
 */
public record CustomHeader(String name, String value) {

    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]{1,76}");
    static final Set<String> RESERVED = Set.of("from", "sender", "to", "cc", "bcc", "reply-to", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
            "return-path", "received", "resent-from", "resent-to", "resent-cc", "resent-bcc", "resent-sender");

    public CustomHeader {
        HeaderGuard.requireSingleLine("header name", name);
        if (!FIELD_NAME.matcher(name).matches()) {
            throw new InvalidEmailException("header name " + HeaderGuard.quote(name)
                    + " must be 1-76 printable ASCII characters without ':' or spaces");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidEmailException("header " + HeaderGuard.quote(name)
                    + " is set by the engine and cannot be a custom header");
        }
        HeaderGuard.requireSingleLine("header " + name, value);
    }
}
