package dev.oktyv.profiles.flame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps frame names that differ between two JVMs running the same code to one stable name, so that profiles of
 * two runs can be merged and diffed frame by frame. The JVM and the code generators name classes they create at
 * run time after an address, an identity hash or a counter ({@code Foo$$Lambda$165+0x00007fbb281b6858.509864971},
 * {@code GeneratedMethodAccessor123}, {@code $Proxy12}, {@code $$EnhancerBySpringCGLIB$$5f3e2a1b}); these differ
 * from JVM to JVM, so without this a diff of the same workload shows most frames as "new" and "only in base".
 *
 * <p>Each {@link Rule} removes only the per-JVM part and keeps what identifies the code: the declaring class of a
 * lambda, the proxy or enhancer kind, and the method. The lambda counter is dropped too: it follows class-loading
 * order, which concurrency changes from run to run, and JDK 21 no longer writes it at all, so dropping it also
 * makes JDK 17 and JDK 21 profiles comparable. The price is that two lambdas of one class that run the same
 * interface method share a frame name; their callers still tell them apart in a flame graph.
 *
 * <p>Works on both separators: class names with dots (the JDK's parser, this suite's JFR reader) and with
 * slashes (async-profiler's collapsed output), and leaves async-profiler's {@code _[j]}-style suffixes alone.
 */
public final class FrameNormaliser {

    /** One kind of per-JVM name part, in the order they are applied. */
    public enum Rule {
        /**
         * Hidden classes (JDK 15+: lambdas, LambdaForms, {@code MethodHandleImpl$BindCaller$T}): JFR writes
         * {@code +0x<address>.<identity hash>}, the JVM's own name is {@code /0x<address>}, async-profiler turns the
         * slash into a dot.
         */
        HIDDEN_CLASS_ADDRESS("[/+.]0x\\p{XDigit}+(?:\\.\\d+)?(?=[./$]|_\\[|$)", ""),
        /** VM-anonymous classes (JDK 8–14, {@code Unsafe.defineAnonymousClass}): {@code /<identity hash>}. */
        ANONYMOUS_CLASS_HASH("/\\d+(?=[./]|_\\[|$)", ""),
        /** The same after async-profiler turned the slash into a dot; only after a lambda or LambdaForm class. */
        ANONYMOUS_CLASS_HASH_DOTTED("(\\$\\$Lambda(?:\\$\\d+)?|LambdaForm\\$[A-Za-z]+)\\.\\d+(?=\\.)", "$1"),
        /** The per-JVM lambda counter: {@code Foo$$Lambda$165} is {@code Foo$$Lambda}, as on JDK 21. */
        LAMBDA_COUNTER("\\$\\$Lambda\\$\\d+", "\\$\\$Lambda"),
        /** Reflection's generated accessors, numbered in creation order. */
        REFLECTION_ACCESSOR("(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+", "$1"),
        /** {@code java.lang.reflect.Proxy} classes, numbered in creation order. */
        PROXY_CLASS("\\$Proxy\\d+", "\\$Proxy"),
        /** JDK 16+ puts proxies of named modules into dynamic modules {@code jdk.proxy1}, {@code jdk.proxy2}, … */
        PROXY_MODULE("(?<![\\w$])(jdk[./]proxy)\\d+(?=[./])", "$1"),
        /** CGLIB and Spring's copy of it: {@code $$EnhancerBySpringCGLIB$$5f3e2a1b}, {@code $$SpringCGLIB$$0}. */
        CGLIB("(\\$\\$[A-Za-z]*CGLIB)\\$\\$\\w+", "$1"),
        /** Byte Buddy's random suffixes (also Hibernate's and Mockito's classes, its accessor methods). */
        BYTE_BUDDY("\\$(ByteBuddy|HibernateProxy|MockitoMock|auxiliary|accessor|original)\\$[A-Za-z0-9]+", "\\$$1"),
        /** Javassist proxies: {@code Foo_$$_javassist_12}, {@code Foo_$$_jvst3a_4}. */
        JAVASSIST("_\\$\\$_(javassist|jvst)[A-Za-z0-9_]*", "_\\$\\$_$1"),
        /** A frame that is only a code address (native code without a symbol): ASLR moves it on every run. */
        BARE_ADDRESS("^0x\\p{XDigit}+$", "[unknown address]");

        private final Pattern pattern;
        private final String replacement;

        Rule(String regex, String replacement) {
            this.pattern = Pattern.compile(regex);
            this.replacement = replacement;
        }

        String apply(String frame) {
            Matcher m = pattern.matcher(frame);
            return m.find() ? m.replaceAll(replacement) : frame;
        }
    }

    /** All rules. */
    public static final FrameNormaliser STANDARD = new FrameNormaliser(true);

    /** Leaves every name as it is: for measuring what normalising changes. */
    public static final FrameNormaliser NONE = new FrameNormaliser(false);

    private final boolean enabled;

    private FrameNormaliser(boolean enabled) {
        this.enabled = enabled;
    }

    /** The stable name of one frame. */
    public String normalise(String frame) {
        if (!enabled) {
            return frame;
        }
        String f = frame;
        for (Rule r : Rule.values()) {
            f = r.apply(f);
        }
        return f;
    }

    /**
     * {@code profile} with every frame normalised and the stacks that became equal merged. The new profile
     * remembers one original name for each name that changed (the smallest, so the choice does not depend on
     * hash order), for a flame graph's hover text.
     */
    public StackProfile apply(StackProfile profile) {
        if (!enabled) {
            return profile;
        }
        Map<String, String> memo = new HashMap<>();
        StackProfile.Builder b = StackProfile.builder(profile.event());
        profile.originals().forEach(b::original);
        for (Map.Entry<List<String>, Long> e : profile.stacks().entrySet()) {
            List<String> s = e.getKey();
            String[] out = new String[s.size()];
            for (int i = 0; i < out.length; i++) {
                String orig = s.get(i);
                String n = memo.computeIfAbsent(orig, this::normalise);
                if (!n.equals(orig)) {
                    b.original(n, orig);
                }
                out[i] = n;
            }
            b.add(List.of(out), e.getValue());
        }
        return b.build(profile.incomplete(), profile.note());
    }
}
