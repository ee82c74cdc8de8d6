package dev.oktyv.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonAccumulatorTest {

    @TempDir
    Path dir;

    private static final String FIRST = "[\n    {\n        \"benchmark\" : \"a.B.one\",\n        \"primaryMetric\" : {\n"
            + "            \"score\" : 1.5E-3,\n            \"rawData\" : [\n                [\n"
            + "                    0.0015\n                ]\n            ]\n        }\n    }\n]\n";
    private static final String SECOND = "[\n    {\n        \"benchmark\" : \"a.B.two\",\n"
            + "        \"params\" : {\n            \"size\" : \"32\"\n        }\n    },\n"
            + "    {\n        \"benchmark\" : \"a.B.two\",\n        \"params\" : {\n"
            + "            \"size\" : \"1024\"\n        }\n    }\n]\n";

    @Test
    void mergesArraysKeepingEveryElementByteForByte() throws IOException {
        Path target = dir.resolve("jmh.json");
        JmhJsonAccumulator acc = new JmhJsonAccumulator(target);
        acc.append(FIRST);
        assertThat(Files.readString(target)).isEqualTo(FIRST);

        acc.append(SECOND);
        String merged = Files.readString(target);
        assertThat(JsonParser.parseString(merged).getAsJsonArray()).hasSize(3);
        assertThat(merged).contains(FIRST.substring(2, FIRST.length() - 3))
                .contains(SECOND.substring(2, SECOND.length() - 3))
                // the number keeps JMH's spelling: nothing was re-serialised
                .contains("\"score\" : 1.5E-3");
        assertThat(acc.elements()).isEqualTo(3);
    }

    @Test
    void anEmptyArrayWritesNothing() throws IOException {
        Path target = dir.resolve("jmh.json");
        JmhJsonAccumulator acc = new JmhJsonAccumulator(target);
        acc.append("[\n]\n");
        assertThat(target).doesNotExist();
        acc.append(FIRST);
        acc.append("[]");
        assertThat(Files.readString(target)).isEqualTo(FIRST);
    }

    @Test
    void rejectsWhatIsNotAJsonArray() {
        JmhJsonAccumulator acc = new JmhJsonAccumulator(dir.resolve("jmh.json"));
        assertThatThrownBy(() -> acc.append("{\"a\": 1}")).hasMessage("JMH's JSON output is not a JSON array");
        assertThatThrownBy(() -> acc.append("[{\"a\": ]")).hasMessageStartingWith("JMH's JSON output is not valid JSON");
        assertThat(dir.resolve("jmh.json")).doesNotExist();
    }
}
