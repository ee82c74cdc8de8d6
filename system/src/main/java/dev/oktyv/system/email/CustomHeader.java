package dev.oktyv.system.email;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An extra header such as {@code X-Request-Id}. The name must be an RFC 5322 field name, and headers the engine
 * sets itself (addresses, subject, MIME structure) cannot be overridden: a custom "Bcc" would otherwise add a
 * recipient without passing address validation. Nor can headers that steer how the message is authenticated
 * (DKIM, ARC, Authentication-Results: a forged result can make a receiver trust it), where bounces and receipts
 * go (Errors-To, Disposition-Notification-To, Return-Receipt-To: they leak who read what to a third party), or
 * what a relay or MIME parser takes from the header block (any Content-* or Resent-* field, trace fields).
 */
public record CustomHeader(String name, String value) {

    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]{1,76}");
    static final Set<String> RESERVED = Set.of("from", "sender", "to", "cc", "bcc", "reply-to", "subject", "date",
            "message-id", "mime-version", "return-path", "received", "dkim-signature", "domainkey-signature",
            "authentication-results", "received-spf", "errors-to", "disposition-notification-to",
            "disposition-notification-options", "return-receipt-to", "read-receipt-to", "x-confirm-reading-to",
            "delivered-to", "x-original-to", "envelope-to", "x-envelope-from", "x-envelope-to", "apparently-to");
    /** Whole families: MIME structure, resending, and authenticated-received-chain fields. */
    static final java.util.List<String> RESERVED_PREFIXES = java.util.List.of("content-", "resent-", "arc-");

    public CustomHeader {
        HeaderGuard.requireSingleLine("header name", name);
        if (!FIELD_NAME.matcher(name).matches()) {
            throw new InvalidEmailException("header name " + HeaderGuard.quote(name)
                    + " must be 1-76 printable ASCII characters without ':' or spaces");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith)) {
            throw new InvalidEmailException("header " + HeaderGuard.quote(name)
                    + " is set by the engine and cannot be a custom header");
        }
        HeaderGuard.requireFoldable("header " + name, HeaderGuard.requireSingleLine("header " + name, value));
    }
}
