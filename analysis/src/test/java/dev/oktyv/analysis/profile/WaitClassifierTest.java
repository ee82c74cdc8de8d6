package dev.oktyv.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.model.WaitKind;
import dev.oktyv.analysis.model.WaitSite;
import dev.oktyv.analysis.model.WallProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitClassifierTest {

    private static final List<String> SOCKET = List.of("java.lang.Thread.run", "app.Client.call", "app.JdkHttpTransport.send",
            "java.net.Socket$SocketInputStream.read", "sun.nio.ch.NioSocketImpl.read", "sun.nio.ch.NioSocketImpl.park",
            "sun.nio.ch.Net.poll", "Java_sun_nio_ch_Net_poll", "poll");

    @Test
    void aSocketReadWaitsInTheApplicationFrameThatCalledIt() {
        assertThat(WaitClassifier.kindOf(SOCKET)).isEqualTo(WaitKind.SOCKET_READ);
        assertThat(WaitClassifier.waitingFrame(SOCKET)).isEqualTo("app.JdkHttpTransport.send");
    }

    @Test
    void theMostSpecificWaitWinsOverTheFutexUnderIt() {
        assertThat(WaitClassifier.kindOf(List.of("app.Db.commit", "sun.nio.ch.FileChannelImpl.force",
                "sun.nio.ch.FileDispatcherImpl.force0", "fsync"))).isEqualTo(WaitKind.FILE_SYNC);
        assertThat(WaitClassifier.kindOf(List.of("app.Cache.get", "ObjectSynchronizer::enter", "ObjectMonitor::EnterI",
                "os::PlatformEvent::park", "pthread_cond_wait", "futex"))).isEqualTo(WaitKind.LOCK);
        assertThat(WaitClassifier.kindOf(List.of("app.Queue.take", "java.util.concurrent.locks.LockSupport.park",
                "jdk.internal.misc.Unsafe.park", "futex"))).isEqualTo(WaitKind.PARK);
        assertThat(WaitClassifier.kindOf(List.of("app.Poller.loop", "java.lang.Thread.sleep"))).isEqualTo(WaitKind.SLEEP);
    }

    @Test
    void aJavaLeafIsRunningEvenInsideARead() {
        // Copying or decrypting inside a read burns CPU: the thread is not waiting.
        assertThat(WaitClassifier.kindOf(List.of("app.Client.call", "java.net.Socket$SocketInputStream.read",
                "sun.security.ssl.SSLCipher.decrypt"))).isEqualTo(WaitKind.RUNNING);
        assertThat(WaitClassifier.kindOf(List.of("app.Hot.loop"))).isEqualTo(WaitKind.RUNNING);
    }

    @Test
    void aStackOfPlatformFramesOnlyWaitsInItsDeepestJavaFrame() {
        assertThat(WaitClassifier.waitingFrame(List.of("java.lang.Thread.run", "java.util.concurrent.ThreadPoolExecutor.getTask",
                "jdk.internal.misc.Unsafe.park", "futex"))).isEqualTo("jdk.internal.misc.Unsafe.park");
        assertThat(WaitClassifier.waitingFrame(List.of("futex"))).isEqualTo("futex");
        // GCC's clone suffixes make a native symbol look dotted; it is still not Java, nor application code.
        assertThat(WaitClassifier.isApplication("__new_sem_wait_slow64.constprop.0")).isFalse();
        assertThat(WaitClassifier.isApplication("java.util.concurrent.ThreadPoolExecutor.getTask")).isFalse();
        assertThat(WaitClassifier.isApplication("app.Client$Inner.<init>")).isTrue();
    }

    @Test
    void aWallProfileOfAJmhRunCountsTheWorkerThreadsOnly(@TempDir Path dir) throws Exception {
        Path wall = dir.resolve("wall-f1.collapsed");
        String worker = "java/lang/Thread.run;b/jmh_generated/B_call_jmhTest.call_avgt;";
        Files.writeString(wall, String.join("\n",
                worker + "app/JdkHttpTransport.send;sun/nio/ch/NioSocketImpl.read;sun/nio/ch/Net.poll;poll 77",
                worker + "app/Json.parse 23",
                // JMH's control thread waits for the whole run; it must not count.
                "java/lang/Thread.run;org/openjdk/jmh/runner/BenchmarkHandler.runIteration;jdk/internal/misc/Unsafe.park;futex 500",
                ""));
        WallProfile w = CollapsedStacks.readWall(List.of(wall));
        assertThat(w.totalSamples()).isEqualTo(100);
        String workers = w.samples().keySet().iterator().next().threadGroup();
        assertThat(workers).startsWith("JMH worker threads");
        assertThat(w.samples()).containsEntry(new WaitSite(workers, WaitKind.SOCKET_READ, "", "app.JdkHttpTransport.send"), 77.0)
                .containsEntry(new WaitSite(workers, WaitKind.RUNNING, "", ""), 23.0).hasSize(2);
    }
}
