package dev.oktyv.system.email;

import dev.oktyv.system.secret.SecretReference;
import java.util.Objects;

/**
 * SMTP login. The user name and the password are separate values, and the password is a Vault reference resolved
 * only when connecting: the original engine stored "user:pass" and split on ':', which broke passwords
 * containing ':'.
 */
public record SmtpCredentials(String username, SecretReference password) {

    public SmtpCredentials {
        Objects.requireNonNull(password, "password");
        if (username == null || username.isBlank()) {
            throw new InvalidEmailException("SMTP username must not be blank");
        }
        HeaderGuard.requireSingleLine("SMTP username", username);
    }
}
