package dev.oktyv.profiles.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.results.profile.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-JVM frame names as JFR, the JDK and async-profiler write them, and the stable name each must become. */
class FrameNormaliserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # JFR's hidden-class names: +address.identity-hash; JDK 17 keeps the lambda counter, JDK 21 drops it
            a.WorkerThreads$$Lambda$165+0x00007fbb281b6858.509864971.run | a.WorkerThreads$$Lambda.run
            a.WorkerThreads$$Lambda$165+0x00007f7ee01b6858.911501858.run | a.WorkerThreads$$Lambda.run
            a.WorkerThreads$$Lambda+0x00007f7ee01b6858.911501858.run     | a.WorkerThreads$$Lambda.run
            # the JVM's own name (/0x...), JDK 17 and JDK 21
            a.Foo$$Lambda$165/0x0000000800c0d000.run                     | a.Foo$$Lambda.run
            a.Foo$$Lambda/0x0000000800c0d000.apply                       | a.Foo$$Lambda.apply
            # async-profiler turns the slash into a dot, and may write slashes for packages and _[j] suffixes
            a.Foo$$Lambda$165.0x0000000800c0d000.run                     | a.Foo$$Lambda.run
            a/Foo$$Lambda$165.0x0000000800c0d000.run_[j]                 | a/Foo$$Lambda.run_[j]
            # JDK 8-14 VM-anonymous classes: /identity-hash, or .identity-hash after async-profiler
            a.Foo$$Lambda$12/1283928880.run                              | a.Foo$$Lambda.run
            a.Foo$$Lambda$12.1283928880.run                              | a.Foo$$Lambda.run
            java.lang.invoke.LambdaForm$MH/1283928880.invoke             | java.lang.invoke.LambdaForm$MH.invoke
            java.lang.invoke.LambdaForm$MH.1283928880.invoke             | java.lang.invoke.LambdaForm$MH.invoke
            # method-handle plumbing is hidden classes too
            java.lang.invoke.LambdaForm$MH/0x0000000800c0d000.invoke     | java.lang.invoke.LambdaForm$MH.invoke
            java.lang.invoke.LambdaForm$DMH+0x0000000800c0d400.1234.invokeStatic | java.lang.invoke.LambdaForm$DMH.invokeStatic
            java.lang.invoke.MethodHandleImpl$BindCaller$T/0x0000000800c10000.invoke_V | java.lang.invoke.MethodHandleImpl$BindCaller$T.invoke_V
            # reflection accessors, numbered in creation order
            jdk.internal.reflect.GeneratedMethodAccessor123.invoke       | jdk.internal.reflect.GeneratedMethodAccessor.invoke
            jdk.internal.reflect.GeneratedConstructorAccessor45.newInstance | jdk.internal.reflect.GeneratedConstructorAccessor.newInstance
            sun.reflect.GeneratedSerializationConstructorAccessor7.newInstance | sun.reflect.GeneratedSerializationConstructorAccessor.newInstance
            # java.lang.reflect.Proxy classes and JDK 16+ dynamic proxy modules
            $Proxy12.get                                                 | $Proxy.get
            com.sun.proxy.$Proxy12.get                                   | com.sun.proxy.$Proxy.get
            jdk.proxy2.$Proxy15.handle                                   | jdk.proxy.$Proxy.handle
            # code generators
            a.Service$$EnhancerBySpringCGLIB$$5f3e2a1b.save              | a.Service$$EnhancerBySpringCGLIB.save
            a.Service$$FastClassBySpringCGLIB$$9c1d2e3f.invoke           | a.Service$$FastClassBySpringCGLIB.invoke
            a.Service$$SpringCGLIB$$0.save                               | a.Service$$SpringCGLIB.save
            a.Repo$ByteBuddy$abc123.find                                 | a.Repo$ByteBuddy.find
            a.Order$HibernateProxy$Xy12AbCd.getId                        | a.Order$HibernateProxy.getId
            a.Mail$MockitoMock$1234567.send                              | a.Mail$MockitoMock.send
            a.Order_$$_javassist_12.getId                                | a.Order_$$_javassist.getId
            # native code without a symbol: ASLR moves it every run
            0x00007f3a1c2b4d5e                                           | [unknown address]
            # names that are stable already stay exactly as they are
            a.Foo.lambda$run$0                                           | a.Foo.lambda$run$0
            java.lang.invoke.BoundMethodHandle$Species_LL.make           | java.lang.invoke.BoundMethodHandle$Species_LL.make
            jdk.internal.reflect.DirectMethodHandleAccessor.invoke       | jdk.internal.reflect.DirectMethodHandleAccessor.invoke
            a.Outer$1.run                                                | a.Outer$1.run
            a.Codec.encode0x                                             | a.Codec.encode0x
            __memmove_avx_unaligned_erms                                 | __memmove_avx_unaligned_erms
            G1ParScanThreadState::trim_queue_partially.part.0            | G1ParScanThreadState::trim_queue_partially.part.0
            [pool-1-thread-3]                                            | [pool-1-thread-3]
            """)
    void normalises(String recorded, String stable) {
        assertThat(FrameNormaliser.STANDARD.normalise(recorded)).isEqualTo(stable);
        assertThat(FrameNormaliser.NONE.normalise(recorded)).isEqualTo(recorded);
        // Idempotent: normalising a normalised name (a diff of already-merged folders) changes nothing.
        assertThat(FrameNormaliser.STANDARD.normalise(stable)).isEqualTo(stable);
    }

    @Test
    void mergesStacksThatDifferOnlyInPerJvmNamesAndKeepsAnOriginal() {
        StackProfile p = StackProfile.builder(EventKind.CPU)
                .add(List.of("a.Main.main", "a.W$$Lambda$165+0x00007fbb281b6858.509864971.run", "a.W.work"), 3)
                .add(List.of("a.Main.main", "a.W$$Lambda$165+0x00007f7ee01b6858.911501858.run", "a.W.work"), 5)
                .add(List.of("a.Main.main", "a.W.other"), 2)
                .build();
        StackProfile n = FrameNormaliser.STANDARD.apply(p);
        assertThat(n.stacks()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                List.of("a.Main.main", "a.W$$Lambda.run", "a.W.work"), 8L,
                List.of("a.Main.main", "a.W.other"), 2L));
        assertThat(n.totalWeight()).isEqualTo(p.totalWeight());
        // The smallest original, so the example shown does not depend on hash order.
        assertThat(n.originals()).containsExactly(
                java.util.Map.entry("a.W$$Lambda.run", "a.W$$Lambda$165+0x00007f7ee01b6858.911501858.run"));
        assertThat(n.filtered(StackFilter.of(null, null, false)).originals()).isEqualTo(n.originals());
    }

    @Test
    void diffHtmlCarriesTheOriginalNameForHover() throws Exception {
        StackProfile base = StackProfile.builder(EventKind.CPU)
                .add(List.of("a.Main.main", "a.W$$Lambda$165+0x00007fbb281b6858.509864971.run"), 10).build();
        StackProfile next = StackProfile.builder(EventKind.CPU)
                .add(List.of("a.Main.main", "a.W$$Lambda$165+0x00007f7ee01b6858.911501858.run"), 10).build();
        ProfileDiff d = ProfileDiff.of(base, next);
        assertThat(d.newShare()).isZero();
        assertThat(d.removedShare()).isZero();
        ProfileDiff raw = ProfileDiff.of(base, next, FrameNormaliser.NONE);
        assertThat(raw.newShare()).isEqualTo(1.0);
        assertThat(raw.removedShare()).isEqualTo(1.0);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new DiffFlameGraphConverter("t").write(d, "", out);
        String html = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("\"a.W$$Lambda.run\"")
                .containsPattern("\"originals\":\\{\"\\d+\":\"a.W\\$\\$Lambda\\$165\\+0x00007f7ee01b6858.911501858.run\"\\}");
    }
}
