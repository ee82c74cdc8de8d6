package dev.oktyv.bench.security;

import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.bench.cli.UsageException;
import dev.oktyv.bench.cli.VerboseOption;
import dev.oktyv.bench.filestore.FileLocation;
import dev.oktyv.bench.filestore.FileStoreOptions;
import dev.oktyv.bench.filestore.S3Settings;
import dev.oktyv.bench.store.RunPublisher;
import dev.oktyv.bench.store.StoreOptions;
import dev.oktyv.bench.plugin.PluginSet;
import dev.oktyv.bench.plugin.PluginsOption;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.general.AdvisorySource;
import dev.oktyv.probes.security.run.ProbeCatalog;
import dev.oktyv.results.RunSession;
import dev.oktyv.results.RunStatus;
import dev.oktyv.results.readiness.PluginKind;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.SecurityReport;
import dev.oktyv.results.security.SecurityScore;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oktyv-bench security}: runs the security probes found on the class path against the engines and the
 * service, writes {@code security.json} and {@code security.sarif} into a new run folder and prints the audit.
 * Exit 0 only when the phase is READY with no failure and every selected probe ran.
 */
@Command(name = "security", sortOptions = false,
        description = {"Attack the engines and the HTTP service with the security probes; writes security.json and",
                "security.sarif (SARIF 2.1.0) into a new run folder. Exit 0 ready, 1 not ready or failures."})
public final class SecurityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    VerboseOption verbose;
    @Mixin
    FileStoreOptions files;
    @Mixin
    PluginsOption plugins;

    @Option(names = "--category", split = ",", paramLabel = "CATEGORY", description = "Only these categories:"
            + " vault, database, api, file, email, service, general (default: all).")
    List<String> categories = new ArrayList<>();
    @Option(names = "--target-url", paramLabel = "URL", description = "Probe this running Oktyv service instead of"
            + " starting one (service category).")
    String targetUrl;
    @Option(names = "--target-token-file", paramLabel = "FILE", description = "File holding --target-url's bearer token.")
    Path targetTokenFile;
    @Option(names = "--advisories", paramLabel = "DIR|ZIP", description = "OSV advisories: a folder of OSV JSON files"
            + " or OSV's all.zip (default: the snapshot bundled in the jar).")
    Path advisories;
    @Mixin
    StoreOptions store;

    /** The clock of the run (advisory age, timestamps); tests fix it. */
    Clock clock = Clock.systemUTC();
    /** The environment the secret-environment probe inspects; tests hand in their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        // The loader stays open while the probes run: their classes come from it.
        try (URLClassLoader loader = plugins.open(SecurityCommand.class.getClassLoader())) {
            // Loaded before the run folder exists: a plug-in that cannot load is bad input, not a failed run.
            return run(PluginSet.discover(loader));
        }
    }

    private int run(PluginSet checks) throws Exception {
        // Everything is validated before the run folder exists: a usage error leaves no trace in results/.
        Set<SecurityCategory> selected;
        Optional<SecurityTargets.External> external;
        AdvisorySource source;
        List<SecurityProbe> probes;
        Optional<S3Settings> s3;
        try {
            selected = parseCategories();
            external = external(selected);
            s3 = s3(selected);
            source = advisories == null ? AdvisorySource.bundled() : AdvisorySource.of(advisories);
            probes = ProbeCatalog.select(checks.securityProbes(), selected);
            if (probes.isEmpty()) {
                throw new IllegalArgumentException("no security probe on the class path belongs to "
                        + selected.stream().map(SecurityCategory::wireName).toList());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        List<String> recorded = List.copyOf(spec.commandLine().getParseResult().originalArgs());
        try (RunPublisher publisher = store.publisher(); RunSession session = publisher.start(Path.of(""), recorded, clock)) {
            PrintStream console = session.console(System.out);
            console.println("run " + session.folder().id() + " -> " + session.folder().path());
            checks.announce(console, PluginKind.SECURITY_PROBE, probes.stream().map(SecurityProbe::id).toList());
            SecurityReport report = SecurityPhase.execute(new SecurityPhase.Plan(selected, probes, external, source,
                    environment, clock, s3), session.folder(), console);
            console.flush();
            session.finish(RunStatus.COMPLETE);
            SecurityScore s = report.score();
            return s.ready() && s.failed() == 0 && s.notRun() == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    private Set<SecurityCategory> parseCategories() {
        if (categories.isEmpty()) {
            return EnumSet.allOf(SecurityCategory.class);
        }
        Set<SecurityCategory> out = EnumSet.noneOf(SecurityCategory.class);
        for (String c : categories) {
            out.add(SecurityCategory.fromWire(c.strip()));
        }
        return out;
    }

    /** {@code --files s3://…}: an S3 target for the file probes (and the in-process service's file routes). */
    private Optional<S3Settings> s3(Set<SecurityCategory> selected) {
        FileLocation location = files.location();
        if (location instanceof FileLocation.Local l) {
            if (l.dir().isPresent()) {
                throw new IllegalArgumentException("--files '" + l.dir().get() + "': security takes only --files"
                        + " s3://BUCKET/PREFIX; the local file probes make their own confined roots");
            }
            return Optional.empty();
        }
        if (!selected.contains(SecurityCategory.FILE) && !selected.contains(SecurityCategory.SERVICE)) {
            throw new IllegalArgumentException("--files s3://… applies to the file and service categories, which"
                    + " --category " + categories + " leaves out");
        }
        S3Settings settings = ((FileLocation.S3) location).settings();
        settings.openCredentials().close(); // a wrong passphrase or missing key is a usage error, before the run folder
        return Optional.of(settings);
    }

    private Optional<SecurityTargets.External> external(Set<SecurityCategory> selected) {
        if (targetUrl == null) {
            if (targetTokenFile != null) {
                throw new IllegalArgumentException("--target-token-file needs --target-url");
            }
            return Optional.empty();
        }
        if (targetTokenFile == null) {
            throw new IllegalArgumentException("--target-url needs --target-token-file FILE (the token itself is never"
                    + " taken on the command line)");
        }
        if (!selected.contains(SecurityCategory.SERVICE)) {
            throw new IllegalArgumentException("--target-url applies to the service category, which --category "
                    + categories + " leaves out");
        }
        return Optional.of(new SecurityTargets.External(ServiceAddress.parseUrl(targetUrl),
                ServiceAddress.readToken(targetTokenFile)));
    }
}
