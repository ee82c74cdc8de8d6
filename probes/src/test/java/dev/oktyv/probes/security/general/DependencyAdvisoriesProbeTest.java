package dev.oktyv.probes.security.general;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.probe.ProbeVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyAdvisoriesProbeTest {

    private static final Clock SNAPSHOT_DAY = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path scratch;

    private ProbeOutcome run(DependencyAdvisoriesProbe probe, String sbom, AdvisorySource source, Clock clock)
            throws Exception {
        DependencyTarget t = new DependencyTarget(sbom, Optional.of(resource(sbom)), source);
        return probe.run(SecurityTarget.builder().scratchDir(scratch).clock(clock).with(DependencyTarget.class, t)
                .build());
    }

    @Test
    void anOldH2IsFlaggedWithTheRealAdvisoriesOfTheBundledSnapshot() throws Exception {
        ProbeOutcome o = run(new CriticalAdvisoriesProbe(), "old-h2.cdx.json", AdvisorySource.bundled(), SNAPSHOT_DAY);
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("com.h2database:h2:1.4.197: GHSA-45hx-wfhj-473x"
                + " (CVE-2022-23221) CRITICAL"));
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("com.h2database:h2:1.4.197: GHSA-h376-j262-vhq6"));
        // 42.3.2 is the fixed version of GHSA-v7wg-cpwc-24m4's second range: not flagged for it.
        assertThat(o.evidence()).noneMatch(e -> e.contains("GHSA-v7wg-cpwc-24m4"));
        // ... but inside GHSA-24rp-q3w6-vc56's 42.3.0 / 42.3.9.
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("org.postgresql:postgresql:42.3.2: GHSA-24rp-q3w6-vc56"));
        // The withdrawn duplicate is not reported.
        assertThat(o.evidence()).noneMatch(e -> e.contains("GHSA-xfg6-62px-cxc2"));
        assertThat(o.evidence()).noneMatch(e -> e.startsWith("com.google.code.gson"));
        assertThat(o.evidence().get(o.evidence().size() - 1)).contains("taken 2026-12-03 (0 days old");
    }

    @Test
    void theModerateProbeSeesOnlyTheModerateOnes() throws Exception {
        ProbeOutcome o = run(new OtherAdvisoriesProbe(), "old-h2.cdx.json", AdvisorySource.bundled(), SNAPSHOT_DAY);
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.evidence().subList(0, o.evidence().size() - 1)).allMatch(e -> e.contains(" MODERATE: "))
                .anyMatch(e -> e.contains("GHSA-673j-qm5f-xpv8"));
    }

    @Test
    void todaysDependenciesPass() throws Exception {
        assertThat(run(new CriticalAdvisoriesProbe(), "current.cdx.json", AdvisorySource.bundled(), SNAPSHOT_DAY)
                .verdict()).isEqualTo(ProbeVerdict.PASS);
        assertThat(run(new OtherAdvisoriesProbe(), "current.cdx.json", AdvisorySource.bundled(), SNAPSHOT_DAY)
                .verdict()).isEqualTo(ProbeVerdict.PASS);
    }

    @Test
    void aSnapshotOlderThanThirtyDaysIsAWarning() throws Exception {
        Clock later = Clock.offset(SNAPSHOT_DAY, java.time.Duration.ofDays(31));
        ProbeOutcome o = run(new CriticalAdvisoriesProbe(), "current.cdx.json", AdvisorySource.bundled(), later);
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("WARNING: advisories from bundled snapshot")
                && e.contains("31 days old") && e.contains("older than 30 days"));
    }

    @Test
    void readsAFolderAndAnOsvZipExportToo() throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("osv"));
        Path zip = scratch.resolve("all.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String id : List.of("GHSA-45hx-wfhj-473x", "GHSA-xfg6-62px-cxc2")) {
                String json = bundled(id);
                Files.writeString(dir.resolve(id + ".json"), json);
                z.putNextEntry(new ZipEntry(id + ".json"));
                z.write(json.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        for (AdvisorySource s : List.of(AdvisorySource.of(dir), AdvisorySource.of(zip))) {
            AdvisorySource.Snapshot snap = s.load();
            assertThat(snap.files()).isEqualTo(2);
            assertThat(snap.advisories()).extracting(Advisory::id).containsExactly("GHSA-45hx-wfhj-473x");
            ProbeOutcome o = run(new CriticalAdvisoriesProbe(), "old-h2.cdx.json", s, SNAPSHOT_DAY);
            assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        }
        assertThatThrownBy(() -> AdvisorySource.of(scratch.resolve("nope.txt")))
                .hasMessageContaining("nope.txt");
    }

    @Test
    void withoutAnSbomTheProbeSaysWhyItDidNotRun() throws Exception {
        DependencyTarget t = new DependencyTarget("class path x", Optional.empty(), AdvisorySource.bundled());
        ProbeOutcome o = new CriticalAdvisoriesProbe().run(SecurityTarget.builder().scratchDir(scratch)
                .with(DependencyTarget.class, t).build());
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.NOT_RUN);
        assertThat(o.reason()).get().asString().contains("no SBOM at class path x");
    }

    @Test
    void rangesUseMavenOrderingNotStringOrdering() {
        List<Advisory.Event> r = List.of(new Advisory.Event(Advisory.Event.Kind.INTRODUCED, "42.2.0"),
                new Advisory.Event(Advisory.Event.Kind.FIXED, "42.2.25"));
        // As strings "42.2.3" > "42.2.25"; as versions it is inside the range.
        assertThat(Advisory.inRange(new ComparableVersion("42.2.3"), r)).isTrue();
        assertThat(Advisory.inRange(new ComparableVersion("42.2.25"), r)).isFalse();
        assertThat(Advisory.inRange(new ComparableVersion("42.2.25-RC1"), r)).isTrue();
        List<Advisory.Event> last = List.of(new Advisory.Event(Advisory.Event.Kind.INTRODUCED, "0"),
                new Advisory.Event(Advisory.Event.Kind.LAST_AFFECTED, "1.4.200"));
        assertThat(Advisory.inRange(new ComparableVersion("1.4.200"), last)).isTrue();
        assertThat(Advisory.inRange(new ComparableVersion("2.0.202"), last)).isFalse();
    }

    @Test
    void theBundledIndexListsEveryBundledFile() throws IOException {
        AdvisorySource.Snapshot s = AdvisorySource.bundled().load();
        assertThat(s.files()).isEqualTo(12);
        assertThat(s.advisories()).hasSize(11); // one is withdrawn
        assertThat(s.takenOn()).contains(java.time.LocalDate.parse("2026-12-03"));
    }

    @Test
    void packagesTheBundledSnapshotDoesNotCoverAreNamedNotSilentlyPassed() throws Exception {
        assertThat(AdvisorySource.bundled().load().coveredPackages()).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                .contains("com.h2database:h2", "org.apache.commons:commons-pool2").hasSize(17)
                .noneMatch(p -> p.startsWith("software.amazon.awssdk"));
        ProbeOutcome o = run(new CriticalAdvisoriesProbe(), "with-aws.cdx.json", AdvisorySource.bundled(), SNAPSHOT_DAY);
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.PASS);
        assertThat(o.action()).endsWith("; 2 of them not covered by the advisory source");
        assertThat(o.evidence()).contains("no component in an affected range among the covered ones",
                "not covered by the offline snapshot: software.amazon.awssdk:s3 2.31.9,"
                        + " software.amazon.awssdk:sdk-core 2.31.9 — run with a full OSV database (--advisories"
                        + " DIR|ZIP, e.g. OSV's Maven all.zip)");
        // The old SBOM's packages are all covered: no such line there.
        assertThat(run(new CriticalAdvisoriesProbe(), "current.cdx.json", AdvisorySource.bundled(), SNAPSHOT_DAY)
                .evidence()).noneMatch(e -> e.startsWith("not covered"));
    }

    @Test
    void aUserOsvDatabaseWithAnAwsAdvisoryMatchesIt() throws Exception {
        // SYNTHETIC-OKTYV-AWS-0001 is a made-up advisory (marked so in its summary): no real AWS data is invented.
        Path dir = Files.createDirectories(scratch.resolve("full-osv"));
        Files.writeString(dir.resolve("SYNTHETIC-OKTYV-AWS-0001.json"), resource("synthetic-osv/SYNTHETIC-OKTYV-AWS-0001.json"));
        ProbeOutcome o = run(new CriticalAdvisoriesProbe(), "with-aws.cdx.json", AdvisorySource.of(dir), SNAPSHOT_DAY);
        assertThat(o.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("software.amazon.awssdk:s3:2.31.9: SYNTHETIC-OKTYV-AWS-0001"
                + " HIGH: SYNTHETIC test advisory"));
        // A folder without a "Packages covered" README is a full database: nothing is reported as uncovered.
        assertThat(o.evidence()).noneMatch(e -> e.startsWith("not covered"));

        // The same folder saying it covers only h2 makes the AWS packages uncovered again, naming the folder.
        Files.writeString(dir.resolve("README.md"), "Taken on 2026-12-03.\n\nPackages covered: `com.h2database:h2`.\n");
        ProbeOutcome partial = run(new CriticalAdvisoriesProbe(), "with-aws.cdx.json", AdvisorySource.of(dir),
                SNAPSHOT_DAY);
        assertThat(partial.evidence()).anyMatch(e -> e.startsWith("not covered by the advisory source folder " + dir
                + ": software.amazon.awssdk:s3 2.31.9"));
    }

    private static String bundled(String id) throws IOException {
        try (InputStream in = AdvisorySource.class.getResourceAsStream("advisories/osv/" + id + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DependencyAdvisoriesProbeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
