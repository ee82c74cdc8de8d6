package dev.oktyv.system.email;

/** The SMTP server could not be reached, refused the message, or did not meet the TLS requirement. */
public class EmailSendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmailSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
