package dev.oktyv.profiles.jfrfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JfrFormatExceptionTest {

    @Test
    void valuesQuotedFromADamagedFileCannotBreakTheOneLineMessage() {
        JfrFormatException e = new JfrFormatException("class x has id='1\n33\r\u001b[2J\u2028', not a number");
        assertThat(e.getMessage())
                .isEqualTo("class x has id='1\\u000a33\\u000d\\u001b[2J\\u2028', not a number")
                .doesNotContain("\n", "\r", "\u001b");
    }
}
