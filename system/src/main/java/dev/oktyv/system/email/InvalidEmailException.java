package dev.oktyv.system.email;

/** A message or setting was refused before anything was sent. The message names the field. */
public class InvalidEmailException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidEmailException(String message) {
        super(message);
    }
}
