package dev.oktyv.probes.security.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A GreenMail SMTP server on 127.0.0.1 (plain SMTP, no STARTTLS offered) that records every delivery. Each received
 * copy is one envelope recipient, so an injected recipient shows as a copy nobody asked for.
 */
final class LoopbackSmtp implements AutoCloseable {

    static final String LOGIN = "mailer";

    private final GreenMail server;

    private LoopbackSmtp(GreenMail server) {
        this.server = server;
    }

    static LoopbackSmtp start() {
        return start(null);
    }

    /** With {@code password} set, the server accepts only the login {@value #LOGIN} with that password. */
    static LoopbackSmtp start(String password) {
        GreenMail g = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        if (password != null) {
            g.withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@oktyv.test", LOGIN, password));
        }
        g.start();
        return new LoopbackSmtp(g);
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** What arrived: one entry per delivered copy, with its envelope recipient and header lines. */
    List<Delivery> deliveries() throws MessagingException {
        List<Delivery> out = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            List<String> headers = new ArrayList<>();
            for (Header h : Collections.list(m.getAllHeaders())) {
                headers.add(h.getName() + ": " + h.getValue());
            }
            out.add(new Delivery(headers));
        }
        return out;
    }

    /**
     * Whether the server delivered anything to {@code address} as an envelope recipient: GreenMail creates a mailbox
     * for every RCPT TO it accepts. (Its per-domain lookup reads the To header instead, display names included.)
     */
    boolean hasMailboxFor(String address) {
        return server.getUserManager().getUserByEmail(address) != null;
    }

    /** Empties every mailbox and forgets the attacker's, so the next attempt is judged on its own. */
    void purge() throws Exception {
        server.purgeEmailFromAllMailboxes();
        var users = server.getUserManager();
        var attacker = users.getUserByEmail(HeaderInjectionProbe.ATTACKER);
        if (attacker != null) {
            users.deleteUser(attacker);
        }
    }

    record Delivery(List<String> headers) {
    }

    @Override
    public void close() {
        server.stop();
    }
}
