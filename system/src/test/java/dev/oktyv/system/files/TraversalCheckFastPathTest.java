package dev.oktyv.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ASCII fast path of {@link TraversalCheck#readings} must see exactly what the general route (percent-decoding,
 * NFKC, backslashes) sees, in the same order, or it would weaken the screening.
 */
class TraversalCheckFastPathTest {

    @Test
    void asciiNamesHaveTheSameReadingsByBothRoutes() {
        List<String> corpus = new ArrayList<>(List.of("a.txt", "read-me.bin", "a/b/c", "..\\x", "a\\..\\..\\b",
                "../x", "./a", "~root", "C:x", "a\u0001b", ".", "...", "a//b", " /x", "a/./../b"));
        SplittableRandom random = new SplittableRandom(15);
        String alphabet = "ab./\\~:C \t\u007f";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            corpus.add(sb.toString());
        }
        for (String s : corpus) {
            assertThat(List.copyOf(TraversalCheck.readings(s))).as(s)
                    .isEqualTo(List.copyOf(TraversalCheck.allReadings(s)));
        }
    }

    @Test
    void namesWithEscapesOrNonAsciiTakeTheGeneralRoute() {
        // If these took the fast path they would keep only their literal reading and pass.
        assertThat(TraversalCheck.rejectReason("%2e%2e/x")).isNotNull();
        assertThat(TraversalCheck.rejectReason("\uff0e\uff0e/x")).isNotNull();
        assertThat(TraversalCheck.rejectReason("%c0%ae%c0%ae/x")).isNotNull();
    }
}
