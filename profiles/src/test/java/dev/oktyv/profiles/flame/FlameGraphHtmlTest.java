package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlameGraphHtmlTest {

    static StackProfile sample() {
        return StackProfile.builder(EventKind.CPU)
                .add(List.of("main", "run", "a"), 80)
                .add(List.of("main", "run", "b"), 20)
                .add(List.of("main", "</script><script>alert(1)</script>"), 1)
                .build();
    }

    static String html(StackProfile p, String title) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FlameGraphConverter(title).write(p, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isOneSelfContainedFileWithSearchZoomAndCounts() throws Exception {
        String h = html(sample(), "cpu <profile>");
        assertThat(h).doesNotContain("http://", "https://", "src=", "<link", "@import");
        assertThat(h).contains("id=\"search\"", "id=\"reset\"", "of all");
        assertThat(h).contains("<title>cpu &lt;profile&gt;</title>");
        // frame names and weights are embedded: "a" with 80 samples under run
        assertThat(h).contains("\"unit\":\"samples\"", ",80,[");
    }

    @Test
    void frameNamesCannotCloseTheScriptElement() throws Exception {
        String h = html(sample(), "t");
        assertThat(h).doesNotContain("</script><script>alert");
        assertThat(h.split("</script>", -1)).hasSize(2);
    }

    @Test
    void incompleteProfileSaysSoOnThePage() throws Exception {
        String h = html(sample().withIncomplete("recording is truncated: read 1 complete chunk(s)"), "t");
        assertThat(h).contains("Incomplete: recording is truncated");
    }

    @Test
    void diffPageListsBaseOnlyFramesAndMarksNewOnes() throws Exception {
        StackProfile base = StackProfile.builder(EventKind.ALLOC).add(List.of("main", "a"), 80)
                .add(List.of("main", "gone"), 20).build();
        StackProfile next = StackProfile.builder(EventKind.ALLOC).add(List.of("main", "a"), 30)
                .add(List.of("main", "fresh"), 70).build();
        ProfileDiff d = ProfileDiff.of(base, next);
        assertThat(d.removed()).singleElement().satisfies(r -> {
            assertThat(r.path()).containsExactly("main", "gone");
            assertThat(r.baseShare()).isEqualTo(0.2);
        });
        assertThat(d.find("fresh")).singleElement().satisfies(n -> assertThat(n.isNew()).isTrue());
        assertThat(d.find("a")).singleElement().satisfies(n -> assertThat(n.deltaShare()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DiffFlameGraphConverter("diff").write(d, "", out);
        String h = out.toString(StandardCharsets.UTF_8);
        assertThat(h).contains("\"diff\":true", "\"main;gone\",0.200000", "\"unit\":\"bytes\"");
        assertThat(h).doesNotContain("http://", "https://");
    }
}
