package dev.oktyv.bench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze FILE.jfr} and {@code analyze FOLDER}: recordings made outside the suite, with a plain jdk.jfr.Recording. */
class AnalyzeJfrFileTest {

    @TempDir
    Path dir;

    /** Kept reachable so that the allocations are real. */
    static volatile Object sink;

    /** Allocates for a while under the JDK's "profile" settings; the recording holds allocation samples and GC events. */
    private Path allocating(String name) throws Exception {
        Path file = dir.resolve(name);
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.start();
            List<byte[]> keep = new ArrayList<>();
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                keep.add(new byte[64 * 1024]);
                if (keep.size() > 256) {
                    sink = keep;
                    keep = new ArrayList<>();
                }
            }
            r.stop();
            r.dump(file);
        }
        return file;
    }

    @Test
    void aRecordingFromAnywhereGetsTheProfileRulesInEveryFormatWithTheGate() throws Exception {
        Path jfr = allocating("prod.jfr");
        CliRuns.Result text = CliRuns.exec("analyze", jfr.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        // JFR weighs a sample by the bytes its thread allocated since the previous one, so in a one-second recording
        // another site can come first; the site this test allocates at is among the top three.
        assertThat(text.out()).startsWith("analysis of " + jfr).contains("Allocation").containsPattern("most allocation is \\S+ by \\S+")
                .contains("allocation share of byte[] by " + AnalyzeJfrFileTest.class.getName() + ".allocating")
                .contains("Off-CPU").doesNotContain("Latency knee").doesNotContain("Paired variants");

        CliRuns.Result json = CliRuns.exec("analyze", jfr.toString(), "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(o.get("formatVersion").getAsInt()).isEqualTo(1);
        assertThat(o.get("run").getAsString()).isEqualTo(jfr.toString());
        assertThat(o.getAsJsonArray("results")).anySatisfy(row -> {
            JsonObject r = row.getAsJsonObject();
            assertThat(r.get("rule").getAsString()).isEqualTo("allocation");
            assertThat(r.getAsJsonArray("evidence").get(0).getAsJsonObject().get("source").getAsString()).isEqualTo("prod.jfr");
        });
        assertThat(CliRuns.exec("analyze", jfr.toString(), "--format", "md").out()).startsWith("| severity | rule |");

        // The allocation finding is INFO: the gate fails at info, passes above the worst severity found.
        assertThat(CliRuns.exec("analyze", jfr.toString(), "--fail-on", "info").exit()).isEqualTo(1);
        String worst = o.get("worst").getAsString();
        if (!worst.equals("critical")) {
            assertThat(CliRuns.exec("analyze", jfr.toString(), "--fail-on", "critical").exit()).isZero();
        }
    }

    @Test
    void aFolderOfRecordingsIsOneWorkloadPerFile() throws Exception {
        allocating("a.jfr");
        allocating("b.jfr");
        Files.writeString(dir.resolve("notes.txt"), "not a recording");
        CliRuns.Result r = CliRuns.exec("analyze", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("a.jfr: allocation share of ").contains("b.jfr: allocation share of ");
    }

    @Test
    void badRecordingsAreOneLineUsageErrors() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.jfr"), "this is not JFR");
        CliRuns.Result notJfr = CliRuns.exec("analyze", fake.toString());
        assertThat(notJfr.exit()).isEqualTo(2);
        assertThat(notJfr.err()).contains("fake.jfr").contains("not a readable JFR recording").doesNotContain("at dev.");
        assertThat(notJfr.err().strip().lines()).hasSize(1);

        Path empty = dir.resolve("empty.jfr");
        try (Recording r = new Recording()) { // no event enabled: nothing any rule reads
            r.start();
            r.stop();
            r.dump(empty);
        }
        CliRuns.Result nothing = CliRuns.exec("analyze", empty.toString());
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.out()).isEmpty();
        assertThat(nothing.err()).contains("empty.jfr: no event that a rule reads");

        CliRuns.Result pair = CliRuns.exec("analyze", fake.toString(), "--pair", "a=b:c");
        assertThat(pair.exit()).isEqualTo(2);
        assertThat(pair.err()).contains("--pair");
    }
}
