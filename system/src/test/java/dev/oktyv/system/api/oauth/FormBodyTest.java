package dev.oktyv.system.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The char[]-based form encoder must produce exactly what URLEncoder (which needs Strings) produces. */
class FormBodyTest {

    @Test
    void matchesUrlEncoderOnACorpusAndOnRandomText() {
        String[] corpus = {"", "abc", "a b+c&d=e", "ünïcödé €", "emoji \uD83D\uDE00 pair", "lone \uD800 surrogate",
            "~!@#$%^&*()_+`-={}[]|\\:\";'<>?,./", "line\r\nbreak", "\u0000\u007f"};
        Random random = new Random(42);
        String[] randoms = new String[200];
        for (int i = 0; i < randoms.length; i++) {
            char[] c = new char[random.nextInt(20)];
            for (int j = 0; j < c.length; j++) {
                c[j] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD800));
            }
            randoms[i] = new String(c);
        }
        for (String[] set : new String[][] {corpus, randoms}) {
            for (String value : set) {
                byte[] body = new FormBody().add("grant_type", "refresh_token").add("refresh_token", value.toCharArray())
                        .toBytes();
                String expected = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                assertThat(new String(body, StandardCharsets.US_ASCII)).as("value %s", value).isEqualTo(expected);
            }
        }
    }
}
