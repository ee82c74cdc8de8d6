package dev.oktyv.system.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One mailbox, validated strictly: no line breaks or control characters anywhere, exactly one address (no lists,
 * no groups), Jakarta Mail's strict RFC 822 parse, then our own rules that parse leaves open: ASCII only (the
 * engine does not speak SMTPUTF8), local part at most 64 and address at most 254 characters, and a domain of at
 * least two DNS labels (no IP literals, no bare host names).
 */
public record EmailAddress(String address, Optional<String> personal) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public EmailAddress {
        HeaderGuard.requireSingleLine("address", address);
        personal.ifPresent(p -> HeaderGuard.requireSingleLine("personal name", p));
    }

    /** Parses {@code text} (e.g. {@code "Ann <ann@example.com>"}) for header {@code field}. */
    public static EmailAddress parse(String field, String text) {
        HeaderGuard.requireSingleLine(field, text);
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(text, true);
            parsed.validate();
        } catch (AddressException e) {
            throw new InvalidEmailException(field + " " + HeaderGuard.quote(text) + " is not a valid address: "
                    + e.getMessage().split("\\R", 2)[0]);
        }
        if (parsed.isGroup()) {
            throw new InvalidEmailException(field + " " + HeaderGuard.quote(text) + " is a group, not one mailbox");
        }
        String address = parsed.getAddress();
        check(field, text, address);
        String personal = parsed.getPersonal();
        return new EmailAddress(address, Optional.ofNullable(personal).filter(p -> !p.isBlank())
                .map(p -> HeaderGuard.requireSingleLine(field + " personal name", p)));
    }

    private static void check(String field, String text, String address) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(address)) {
            throw new InvalidEmailException(field + " " + HeaderGuard.quote(text) + " has non-ASCII characters in the address");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@')) {
            throw new InvalidEmailException(field + " " + HeaderGuard.quote(text) + " must be local@domain");
        }
        if (at > 64 || address.length() > 254) {
            throw new InvalidEmailException(field + " " + HeaderGuard.quote(text) + " is too long (local part <= 64, address <= 254)");
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        String[] labels = domain.split("\\.", -1);
        boolean valid = labels.length >= 2;
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw new InvalidEmailException(field + " " + HeaderGuard.quote(text)
                    + " needs a domain of dot-separated DNS labels, e.g. example.com");
        }
    }

    InternetAddress toInternetAddress() {
        try {
            return personal.isPresent()
                    ? new InternetAddress(address, personal.get(), StandardCharsets.UTF_8.name())
                    : new InternetAddress(address, true);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new InvalidEmailException("address " + HeaderGuard.quote(address) + " became invalid: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return personal.map(p -> p + " <" + address + ">").orElse(address);
    }
}
