package dev.oktyv.system.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Headers that change how a message is authenticated or where bounces and receipts go; recipient and line caps. */
class EmailHardeningTest {

    private static EmailMessage.Builder base() {
        return EmailMessage.builder().from("sender@oktyv.test").to("victim@oktyv.test").subject("hello").text("body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DKIM-Signature", "Errors-To", "Disposition-Notification-To", "Return-Receipt-To",
        "ARC-Seal", "Authentication-Results", "Content-ID", "Resent-Message-ID", "Delivered-To"})
    void headersThatSteerAuthenticationOrBouncesAreRefused(String name) {
        assertThatThrownBy(() -> base().header(name, "x").build())
                .isInstanceOf(InvalidEmailException.class)
                .hasMessageContaining(name).hasMessageContaining("cannot be a custom header");
    }

    @Test
    void anOrdinaryCustomHeaderIsStillAccepted() {
        assertThat(base().header("X-Request-Id", "abc-123").build().headers()).hasSize(1);
    }

    @Test
    void recipientsAreCapped() {
        EmailMessage.Builder b = base();
        for (int i = 1; i < EmailMessage.MAX_RECIPIENTS; i++) {
            b.bcc("r" + i + "@oktyv.test");
        }
        assertThat(b.build().bcc()).hasSize(EmailMessage.MAX_RECIPIENTS - 1);
        b.cc("one-too-many@oktyv.test");
        assertThatThrownBy(b::build).isInstanceOf(InvalidEmailException.class)
                .hasMessage("message has " + (EmailMessage.MAX_RECIPIENTS + 1)
                        + " recipients (to, cc and bcc), above the limit of " + EmailMessage.MAX_RECIPIENTS);
    }

    @Test
    void aHeaderValueThatCannotBeFoldedIsRefused() {
        // RFC 5322 2.1.1: a line is at most 998 characters, and folding can only break at white space.
        String unbreakable = "a".repeat(1200);
        assertThatThrownBy(() -> base().header("X-Trace", unbreakable).build())
                .isInstanceOf(InvalidEmailException.class)
                .hasMessageContaining("1200 characters without a space").hasMessageContaining("900");
        assertThatThrownBy(() -> base().subject(unbreakable).build())
                .isInstanceOf(InvalidEmailException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> base().header("X-Long", "word ".repeat(2000)).build())
                .isInstanceOf(InvalidEmailException.class).hasMessageContaining("4096");
        assertThat(base().header("X-Long", "word ".repeat(300)).build().headers()).hasSize(1);
    }
}
