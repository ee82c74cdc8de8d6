package dev.oktyv.analysis.profile;

import dev.oktyv.analysis.model.WaitKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a stack (root first, names as in {@link dev.oktyv.analysis.model.FrameHistogram}) for what its thread waited
 * on and which application frame waited. Used for wall-clock samples, which say nothing but the stack, and for the
 * waiting frame of JFR's wait events, whose kind the event type already gives.
 */
public final class WaitClassifier {

    /** Checked in this order: a socket read parks on a futex too, and the more specific signature must win. */
    private static final List<Signature> SIGNATURES = List.of(
            new Signature(WaitKind.FILE_SYNC, "FileDispatcherImpl\\.force|FileChannelImpl\\.force|^fsync$|^fdatasync$"
                    + "|FileDescriptor\\.sync"),
            new Signature(WaitKind.SOCKET_READ, "SocketDispatcher\\.read|NioSocketImpl\\.(read|timedRead|park)"
                    + "|SocketInputStream\\.(read|socketRead)|SocketChannelImpl\\.read|sun\\.nio\\.ch\\.Net\\.poll"
                    + "|EPoll\\.wait|^epoll_wait$|^recv(from|msg)?$|^__libc_recv"),
            new Signature(WaitKind.SOCKET_WRITE, "SocketDispatcher\\.write|NioSocketImpl\\.write"
                    + "|SocketOutputStream\\.(write|socketWrite)|SocketChannelImpl\\.write|^send(to|msg)?$"),
            new Signature(WaitKind.FILE_READ, "FileDispatcherImpl\\.p?read|FileInputStream\\.read|RandomAccessFile\\.read"),
            new Signature(WaitKind.FILE_WRITE, "FileDispatcherImpl\\.p?write|FileOutputStream\\.write"
                    + "|RandomAccessFile\\.write"),
            new Signature(WaitKind.LOCK, "ObjectMonitor::enter|ObjectMonitor::EnterI|ObjectSynchronizer::enter"
                    + "|^__lll_lock_wait"),
            new Signature(WaitKind.OBJECT_WAIT, "java\\.lang\\.Object\\.wait"),
            new Signature(WaitKind.SLEEP, "java\\.lang\\.Thread\\.sleep"),
            new Signature(WaitKind.PARK, "Unsafe\\.park|LockSupport\\.park|futex|pthread_cond_(timed)?wait"));

    /** Packages whose frames are the means of waiting, not the code that decided to wait. */
    private static final Pattern PLATFORM = Pattern.compile("^(java|javax|jdk|sun|com\\.sun)\\.");

    private WaitClassifier() {
    }

    private record Signature(WaitKind kind, Pattern pattern) {
        Signature(WaitKind kind, String regex) {
            this(kind, Pattern.compile(regex));
        }

        boolean matches(List<String> rootFirst) {
            for (String f : rootFirst) {
                if (pattern.matcher(f).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The wait a wall-clock sample shows, or {@link WaitKind#RUNNING}. A thread waits only when its leaf is a native
     * or blocking frame; a Java leaf means it was running, even inside a read (decrypting, copying).
     */
    public static WaitKind kindOf(List<String> rootFirst) {
        if (rootFirst.isEmpty() || !blockingLeaf(rootFirst.get(rootFirst.size() - 1))) {
            return WaitKind.RUNNING;
        }
        for (Signature s : SIGNATURES) {
            if (s.matches(rootFirst)) {
                return s.kind();
            }
        }
        return WaitKind.RUNNING;
    }

    /**
     * The frame nearest the leaf that is neither the JDK nor native code: the application code that waited
     * ({@code JdkHttpTransport.send}, not {@code SocketDispatcher.read0}). Falls back to the deepest Java frame, then
     * the leaf.
     */
    public static String waitingFrame(List<String> rootFirst) {
        String deepestJava = null;
        for (int i = rootFirst.size() - 1; i >= 0; i--) {
            String f = rootFirst.get(i);
            if (!isJava(f)) {
                continue;
            }
            if (deepestJava == null) {
                deepestJava = f;
            }
            if (!PLATFORM.matcher(f).find()) {
                return f;
            }
        }
        if (deepestJava != null) {
            return deepestJava;
        }
        return rootFirst.isEmpty() ? "[no stack]" : rootFirst.get(rootFirst.size() - 1);
    }

    /**
     * Application code: a Java frame outside the JDK. A wait whose waiting frame is not one (a pool thread idle in
     * {@code ThreadPoolExecutor.getTask}, the reference handler, a GC thread) waited for work, not on something.
     */
    public static boolean isApplication(String frame) {
        return isJava(frame) && !PLATFORM.matcher(frame).find();
    }

    /** {@code pkg.Class.method}; native symbols ({@code futex}, {@code ObjectMonitor::enter}) and {@code [thread]} are not. */
    static boolean isJava(String frame) {
        return JAVA_FRAME.matcher(frame).matches() && !GCC_CLONE.matcher(frame).find();
    }

    /** {@code pkg.Class$Inner.method}, {@code Class.<init>}: dotted identifiers, nothing else. */
    private static final Pattern JAVA_FRAME = Pattern.compile("[\\p{L}_$][\\w$]*(\\.[\\w$<>-]+)+");

    /** GCC's names for cloned native functions ({@code __new_sem_wait_slow64.constprop.0}) are not Java frames. */
    private static final Pattern GCC_CLONE = Pattern.compile("\\.(constprop|isra|part|cold|lto_priv|localalias)(\\.|$)");

    /** Native code, a JDK native method (by the JDK's {@code read0}/{@code force0} naming), or a known blocking call. */
    private static boolean blockingLeaf(String leaf) {
        if (!isJava(leaf) || leaf.endsWith("0")) {
            return true;
        }
        return leaf.endsWith("Unsafe.park") || leaf.equals("java.lang.Object.wait") || leaf.equals("java.lang.Thread.sleep");
    }
}
