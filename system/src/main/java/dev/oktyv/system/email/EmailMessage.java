package dev.oktyv.system.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated message: every header value is single-line, every address strictly valid, at least one recipient,
 * attachments at most {@link #MAX_ATTACHMENT_BYTES} in total. Invalid messages cannot be constructed, so the
 * mailer never sees one.
 */
public record EmailMessage(EmailAddress from, List<EmailAddress> to, List<EmailAddress> cc, List<EmailAddress> bcc,
                           List<EmailAddress> replyTo, String subject, String textBody,
                           List<CustomHeader> headers, List<Attachment> attachments) {

    /** 25 MiB: what common providers accept after base64 growth is about 35 MB, so this fits them all. */
    public static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;
    /**
     * 100 recipients over to, cc and bcc: RFC 5321 4.5.3.1.8 requires servers to accept at least 100, and one
     * message to more is a mailing list, which belongs elsewhere (and would make the engine a spam amplifier).
     */
    public static final int MAX_RECIPIENTS = 100;

    public EmailMessage {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = List.copyOf(replyTo);
        HeaderGuard.requireFoldable("subject", HeaderGuard.requireSingleLine("subject", subject));
        Objects.requireNonNull(textBody, "textBody");
        headers = List.copyOf(headers);
        attachments = List.copyOf(attachments);
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new InvalidEmailException("message has no recipient (to, cc and bcc are all empty)");
        }
        int recipients = to.size() + cc.size() + bcc.size();
        if (recipients > MAX_RECIPIENTS) {
            throw new InvalidEmailException("message has " + recipients + " recipients (to, cc and bcc), above the"
                    + " limit of " + MAX_RECIPIENTS);
        }
        long total = 0;
        for (Attachment a : attachments) {
            total += a.size();
        }
        if (total > MAX_ATTACHMENT_BYTES) {
            throw new InvalidEmailException("attachments total " + total + " bytes, above the limit of "
                    + MAX_ATTACHMENT_BYTES + " bytes (25 MiB)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses and checks each value as it is added, so the error points at the call that supplied it. */
    public static final class Builder {
        private EmailAddress from;
        private final List<EmailAddress> to = new ArrayList<>();
        private final List<EmailAddress> cc = new ArrayList<>();
        private final List<EmailAddress> bcc = new ArrayList<>();
        private final List<EmailAddress> replyTo = new ArrayList<>();
        private String subject = "";
        private String textBody = "";
        private final List<CustomHeader> headers = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder() {
        }

        public Builder from(String address) {
            from = EmailAddress.parse("from", address);
            return this;
        }

        public Builder to(String address) {
            to.add(EmailAddress.parse("to", address));
            return this;
        }

        public Builder cc(String address) {
            cc.add(EmailAddress.parse("cc", address));
            return this;
        }

        public Builder bcc(String address) {
            bcc.add(EmailAddress.parse("bcc", address));
            return this;
        }

        public Builder replyTo(String address) {
            replyTo.add(EmailAddress.parse("reply-to", address));
            return this;
        }

        public Builder subject(String value) {
            subject = HeaderGuard.requireSingleLine("subject", value);
            return this;
        }

        public Builder text(String body) {
            textBody = Objects.requireNonNull(body, "text body");
            return this;
        }

        public Builder header(String name, String value) {
            headers.add(new CustomHeader(name, value));
            return this;
        }

        public Builder attach(String filename, String contentType, byte[] content) {
            attachments.add(new Attachment(filename, contentType, content));
            return this;
        }

        public EmailMessage build() {
            if (from == null) {
                throw new InvalidEmailException("from is missing");
            }
            return new EmailMessage(from, to, cc, bcc, replyTo, subject, textBody, headers, attachments);
        }
    }
}
