package dev.oktyv.analysis.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.analysis.model.FrameHistogram.SiteShare;
import dev.oktyv.analysis.model.IoTarget;
import dev.oktyv.analysis.model.JfrDigest;
import dev.oktyv.analysis.profile.JfrDigester;
import dev.oktyv.analysis.rules.AnalysisInput;
import dev.oktyv.analysis.rules.Evidence;
import dev.oktyv.analysis.rules.JfrFileInput;
import dev.oktyv.analysis.rules.RuleResult;
import dev.oktyv.analysis.rules.Rules;
import dev.oktyv.profiles.ChildJvm;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultProvider;
import org.openjdk.jmc.flightrecorder.rules.jdk.io.SocketReadRule;
import org.openjdk.jmc.flightrecorder.rules.jdk.latency.JavaBlockingRule;
import org.openjdk.jmc.flightrecorder.rules.jdk.memory.AllocationByClassRule;

/**
 * Our findings against JDK Mission Control's rules on the same recordings, made by a plain JDK
 * ({@code -XX:StartFlightRecording}, settings=profile) in a child JVM running {@link RecordedWorkloads}: the top
 * allocation site, the most contended monitor class and the hottest I/O target must be the ones JMC names.
 */
class JmcAgreementTest {

    private static final String SECONDS = "3";

    @Test
    void topAllocationSiteIsJmcsMostAllocatedTypeAndItsTopFrame(@TempDir Path dir) throws Exception {
        Path jfr = record(dir, "alloc");
        IResult jmc = jmc(new AllocationByClassRule(), jfr);
        IMCType type = jmc.getResult(AllocationByClassRule.MOST_ALLOCATED_TYPE);
        Collection<IMCMethod> frames = jmc.getResult(AllocationByClassRule.ALLOCATION_FRAMES);

        SiteShare ours = JfrDigester.digest(jfr).allocation().orElseThrow().topSites(1).get(0);

        assertThat(ours.site().leaf()).isEqualTo(type.getFullName()).isEqualTo("byte[]");
        IMCMethod jmcTop = frames.iterator().next();
        assertThat(ours.site().caller()).isEqualTo(jmcTop.getType().getFullName() + "." + jmcTop.getMethodName())
                .isEqualTo(RecordedWorkloads.class.getName() + ".newBuffer");
        // And analyze FILE.jfr says so, as a site with its share.
        RuleResult allocation = rule(JfrFileInput.load(jfr), "allocation");
        assertThat(allocation.summary()).contains("byte[] by " + RecordedWorkloads.class.getName() + ".newBuffer");
        assertThat(allocation.evidence().get(0).quantity()).isEqualTo("allocation share of byte[] by "
                + RecordedWorkloads.class.getName() + ".newBuffer");
        assertThat(allocation.evidence().get(0).value()).isGreaterThan(50);
    }

    @Test
    void mostContendedMonitorIsJmcsMostBlockedClassAndOnlyWorkersCount(@TempDir Path dir) throws Exception {
        Path jfr = record(dir, "lock");
        IMCType jmcClass = jmc(new JavaBlockingRule(), jfr).getResult(JavaBlockingRule.MOST_BLOCKED_CLASS);

        JfrDigest d = JfrDigester.digest(jfr);
        String ours = d.monitorBlockedNanosByClass().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(ours).isEqualTo(jmcClass.getFullName()).isEqualTo(RecordedWorkloads.HotLock.class.getName());

        RuleResult locks = rule(JfrFileInput.load(jfr), "locks");
        assertThat(locks.summary()).contains("JMH worker threads (6").contains("most on " + RecordedWorkloads.HotLock.class.getName())
                .contains(RecordedWorkloads.class.getName() + ".lambda$lock");
        // The control thread parks for the whole recording; over all threads that is ~100% parked, over the workers
        // (who block on monitors, never park) nothing.
        double allParked = d.parkedNanosByClass().values().stream().mapToDouble(Double::doubleValue).sum() / d.durationNanos();
        assertThat(allParked).isGreaterThan(0.5);
        assertThat(value(locks, "parked share of thread time")).isLessThan(5);
        // Four threads on HotLock: at most one holds it, so each waits most of the time; two on ColdLock about half.
        assertThat(value(locks, "monitor blocked share of thread time")).isGreaterThan(25);
    }

    @Test
    void hottestIoTargetIsJmcsLongestSocketRead(@TempDir Path dir) throws Exception {
        try (DelayedServer slow = new DelayedServer("127.0.0.1", 120); DelayedServer fast = new DelayedServer("127.0.0.2", 20)) {
            Path jfr = record(dir, "io", slow.address(), fast.address());
            // JMC fills in its result values only for a finding above its info limit; lowered so it names the target.
            IResult jmcResult = jmc(new SocketReadRule(), jfr, Map.of(SocketReadRule.READ_INFO_LIMIT, UnitLookup.MILLISECOND.quantity(1)));
            String jmcAddress = jmcResult.getResult(SocketReadRule.LONGEST_READ_ADDRESS);

            JfrDigest d = JfrDigester.digest(jfr);
            IoTarget ours = d.ioNanosByTarget().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(ours.name()).endsWith(":" + slow.port());
            assertThat(jmcAddress).isEqualTo("127.0.0.1");
            assertThat(d.ioNanosByTarget()).hasSize(2);

            RuleResult io = rule(JfrFileInput.load(jfr), "io");
            assertThat(io.summary()).contains("most on " + ours);
            RuleResult offCpu = rule(JfrFileInput.load(jfr), "off-cpu");
            assertThat(offCpu.summary()).contains("socket read of " + ours).contains(RecordedWorkloads.class.getName() + ".fetch");
        }
    }

    private static RuleResult rule(AnalysisInput input, String id) {
        return Rules.evaluate(input, Rules.profileBased()).stream().filter(r -> r.ruleId().equals(id)).findFirst().orElseThrow();
    }

    private static double value(RuleResult r, String quantity) {
        return r.evidence().stream().filter(e -> e.quantity().equals(quantity)).mapToDouble(Evidence::value).findFirst()
                .orElseThrow(() -> new AssertionError("no evidence " + quantity + " in " + r.evidence()));
    }

    private static Path record(Path dir, String workload, String... extra) throws Exception {
        Path jfr = dir.resolve(workload + ".jfr");
        List<String> args = new ArrayList<>(List.of(workload, SECONDS));
        args.addAll(List.of(extra));
        ChildJvm.run(List.of("-XX:StartFlightRecording:filename=" + jfr + ",settings=profile"), RecordedWorkloads.class.getName(),
                60, args.toArray(String[]::new));
        return jfr;
    }

    private static IResult jmc(IRule rule, Path jfr) throws Exception {
        return jmc(rule, jfr, Map.of());
    }

    /** Evaluates one JMC rule with its default preferences except {@code prefs}. */
    private static IResult jmc(IRule rule, Path jfr, Map<TypedPreference<?>, Object> prefs) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(jfr.toFile());
        IPreferenceValueProvider values = new IPreferenceValueProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getPreferenceValue(TypedPreference<T> p) {
                return prefs.containsKey(p) ? (T) prefs.get(p) : p.getDefaultValue();
            }
        };
        var eval = rule.createEvaluation(items, values, new ResultProvider());
        eval.run();
        return eval.get(60, TimeUnit.SECONDS);
    }
}
