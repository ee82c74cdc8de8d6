package dev.oktyv.probes.security.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import dev.oktyv.probes.security.leak.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What an injection left in the server: copies for the attacker, injected header lines. */
final class Inspection {

    private Inspection() {
    }

    static List<String> injected(LoopbackSmtp server) throws Exception {
        List<String> seen = new ArrayList<>();
        if (server.hasMailboxFor(HeaderInjectionProbe.ATTACKER)) {
            seen.add("delivered to " + HeaderInjectionProbe.ATTACKER + " (envelope recipient)");
        }
        for (LoopbackSmtp.Delivery d : server.deliveries()) {
            for (String h : d.headers()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-injected:")) {
                    seen.add("header '" + Printable.of(h) + "' arrived");
                }
                boolean addressHeader = lower.startsWith("to:") || lower.startsWith("cc:") || lower.startsWith("bcc:")
                        || lower.startsWith("reply-to:") || lower.startsWith("from:");
                if (addressHeader && namesAttacker(h.substring(h.indexOf(':') + 1))) {
                    seen.add("address header '" + Printable.of(h) + "' arrived");
                }
            }
        }
        return seen.stream().distinct().toList();
    }

    /**
     * Whether an address header names the attacker as an address (a display name that merely contains the text is
     * harmless); a header too broken to parse counts when the attacker's address appears in it outside quotes.
     */
    private static boolean namesAttacker(String value) {
        try {
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                if (a.getAddress() != null
                        && a.getAddress().toLowerCase(Locale.ROOT).endsWith("@" + HeaderInjectionProbe.ATTACKER_DOMAIN)) {
                    return true;
                }
            }
            return false;
        } catch (AddressException e) {
            return value.replaceAll("\"[^\"]*\"", "").toLowerCase(Locale.ROOT)
                    .contains(HeaderInjectionProbe.ATTACKER);
        }
    }
}
