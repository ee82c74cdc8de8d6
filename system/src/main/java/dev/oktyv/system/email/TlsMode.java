package dev.oktyv.system.email;

/** How the SMTP connection is protected. */
public enum TlsMode {
    /** Plain connect, then STARTTLS, which must be offered and succeed; otherwise nothing is sent. The default. */
    STARTTLS_REQUIRED,
    /** TLS from the first byte (SMTPS, usually port 465; RFC 8314 prefers it). */
    IMPLICIT_TLS,
    /** No TLS at all. Accepted only for a loopback host (a test server on this machine). */
    NONE_LOOPBACK_ONLY
}
