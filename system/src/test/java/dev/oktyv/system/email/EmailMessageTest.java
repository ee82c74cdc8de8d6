package dev.oktyv.system.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailMessageTest {

    @Test
    void acceptsOrdinaryAddresses() {
        assertThat(EmailAddress.parse("to", "Ann Example <ann@example.com>").toString()).isEqualTo("Ann Example <ann@example.com>");
        assertThat(EmailAddress.parse("to", "a.b+tag@sub.example.org").address()).isEqualTo("a.b+tag@sub.example.org");
        assertThat(EmailAddress.parse("to", "\"Müller, Jörg\" <j@example.de>").personal()).contains("Müller, Jörg");
    }

    @Test
    void rejectsAddressesStrictly() {
        String[] bad = {"ann", "ann@localhost", "ann@[127.0.0.1]", "ann@ex_ample.com", "a@b@example.com",
                "ünï@example.com", "a@example.com, b@example.com", "undisclosed:;", "ann@-example.com",
                "ann@example..com", "", "<>", "a".repeat(65) + "@example.com"};
        for (String b : bad) {
            assertThatThrownBy(() -> EmailAddress.parse("to", b)).as(b).isInstanceOf(InvalidEmailException.class)
                    .hasMessageStartingWith("to ");
        }
    }

    @Test
    void attachmentsAreCappedAt25MiBInTotal() {
        byte[] thirteenMiB = new byte[13 * 1024 * 1024];
        EmailMessage.Builder b = EmailMessage.builder().from("a@oktyv.test").to("b@oktyv.test")
                .attach("one.bin", "application/octet-stream", thirteenMiB)
                .attach("two.bin", "application/octet-stream", thirteenMiB);
        assertThatThrownBy(b::build).isInstanceOf(InvalidEmailException.class)
                .hasMessage("attachments total 27262976 bytes, above the limit of 26214400 bytes (25 MiB)");
        byte[] exactly = new byte[25 * 1024 * 1024];
        assertThat(EmailMessage.builder().from("a@oktyv.test").to("b@oktyv.test")
                .attach("max.bin", "application/octet-stream", exactly).build().attachments()).hasSize(1);
    }

    @Test
    void aMessageNeedsASenderAndARecipient() {
        assertThatThrownBy(() -> EmailMessage.builder().to("b@oktyv.test").build()).hasMessage("from is missing");
        assertThatThrownBy(() -> EmailMessage.builder().from("a@oktyv.test").build())
                .hasMessage("message has no recipient (to, cc and bcc are all empty)");
        assertThatThrownBy(() -> new Attachment("../etc/passwd", "text/plain", new byte[0]))
                .hasMessageContaining("bare file name");
    }
}
