package dev.oktyv.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlameCommandTest {

    @TempDir
    Path dir;

    Path collapsed(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void rendersCollapsedStacksToSelfContainedHtml() throws Exception {
        Path in = collapsed("a.collapsed", "main;run;a 80\nmain;run;b 20\n");
        Path out = dir.resolve("out.html");
        CliRun r = CliRun.of("flame", in.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("100 samples");
        assertThat(Files.readString(out)).contains("\"run\"").doesNotContain("https://");
    }

    @Test
    void reverseAndIncludeAndCollapsedOutput() throws Exception {
        Path in = collapsed("a.collapsed", "main;run;a 80\nmain;run;b 20\nmain;gc 5\n");
        Path out = dir.resolve("out.collapsed");
        CliRun r = CliRun.of("flame", in.toString(), "--include", "run", "--reverse", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("a;run;main 80\nb;run;main 20\n");
    }

    @Test
    void notJfrIsOneLineErrorAndExitTwo() throws Exception {
        Path in = dir.resolve("notes.jfr");
        Files.writeString(in, "hello, I am a text file\n");
        Path out = dir.resolve("out.html");
        CliRun r = CliRun.of("flame", in.toString(), "-o", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: not a JFR recording").doesNotContain("\n").doesNotContain("at dev.");
        assertThat(out).doesNotExist();
    }

    @Test
    void emptyProfileSaysSoAndWritesNothing() throws Exception {
        Path in = collapsed("a.collapsed", "main;run;a 80\n");
        Path out = dir.resolve("out.html");
        CliRun r = CliRun.of("flame", in.toString(), "--include", "nomatch", "-o", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("has no cpu samples matching --include/--exclude: nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void diffOfTwoJvmsThatNamedTheirLambdasDifferentlyMatchesEveryFrame() throws Exception {
        Path base = collapsed("jvm1.collapsed", "main;a/W$$Lambda$165+0x00007fbb281b6858.509864971.run;a/W.work 80\n"
                + "main;jdk/proxy2/$Proxy15.get 20\n");
        Path next = collapsed("jvm2.collapsed", "main;a/W$$Lambda$167+0x00007f7ee01b6858.911501858.run;a/W.work 60\n"
                + "main;jdk/proxy3/$Proxy17.get 40\n");
        Path out = dir.resolve("lambda-diff.html");
        CliRun r = CliRun.of("flame", "--diff", base.toString(), next.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 call paths only in the base", "0.0% of new in frames the base lacks");
        assertThat(Files.readString(out)).contains("\"a/W$$Lambda.run\"", "\"jdk/proxy/$Proxy.get\"",
                "a/W$$Lambda$165+0x00007fbb281b6858.509864971.run");
    }

    @Test
    void diffWritesAGraphAndNeedsTwoInputs() throws Exception {
        Path base = collapsed("base.collapsed", "main;a 80\nmain;gone 20\n");
        Path next = collapsed("new.collapsed", "main;a 20\nmain;b 80\n");
        Path out = dir.resolve("diff.html");
        CliRun r = CliRun.of("flame", "--diff", base.toString(), next.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 call paths only in the base", "80.0% of new in frames the base lacks",
                "20.0% of base in frames the new lacks");
        assertThat(Files.readString(out)).contains("\"main;gone\"");
        CliRun one = CliRun.of("flame", "--diff", base.toString(), "-o", out.toString());
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("--diff needs two inputs");
    }

    @Test
    void badEventAndBadRegexAreUsageErrors() throws Exception {
        Path in = collapsed("a.collapsed", "main;a 1\n");
        CliRun e = CliRun.of("flame", in.toString(), "--event", "heap", "-o", dir.resolve("x.html").toString());
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).contains("'heap'");
        CliRun x = CliRun.of("flame", in.toString(), "--exclude", "(", "-o", dir.resolve("x.html").toString());
        assertThat(x.exit()).isEqualTo(2);
        assertThat(x.err()).contains("--exclude");
    }
}
