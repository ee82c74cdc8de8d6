package dev.oktyv.probes.security.database;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.database.JdbcUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection must use {@code sslmode=verify-full}: {@code require} encrypts but lets anyone on the path
 * impersonate the server, and pgjdbc's default {@code prefer} silently falls back to plaintext. The negotiated
 * protocol and cipher are read from {@code pg_stat_ssl} when the server is reachable. Embedded H2 runs in-process,
 * with no network connection to protect.
 */
public final class DatabaseTlsProbe implements SecurityProbe {

    private static final Pattern SSLMODE = Pattern.compile("(?i)[?&]sslmode=([a-z-]+)");

    @Override
    public String id() {
        return "database.tls";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.DATABASE;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "Network database connections use TLS with sslmode=verify-full";
    }

    @Override
    public String fix() {
        return "Add sslmode=verify-full (and sslrootcert) to the PostgreSQL URL and enable ssl on the server";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<DatabaseTarget> dbs = target.get(DatabaseTarget.class);
        if (dbs.isEmpty() || dbs.get().databases().isEmpty()) {
            return ProbeOutcome.notRun("no database target configured");
        }
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        for (DatabaseUnderTest db : dbs.get().databases()) {
            String url = db.config().jdbcUrl();
            boolean h2Server = url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
            if (url.startsWith("jdbc:h2:") && !h2Server) {
                notApplicable.add(db.name() + ": embedded H2 runs inside this process; there is no network connection "
                        + "to encrypt");
                continue;
            }
            if (url.startsWith("jdbc:h2:tcp:")) {
                failures.add(db.name() + ": H2 server mode over plain TCP (" + JdbcUrls.redact(url) + "); use jdbc:h2:ssl:");
                continue;
            }
            if (url.startsWith("jdbc:h2:ssl:")) {
                evidence.add(db.name() + ": H2 server mode over TLS");
                continue;
            }
            Matcher m = SSLMODE.matcher(url);
            String mode = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "prefer (pgjdbc default, not set in the URL)";
            String negotiated = TlsSession.describe(db);
            String line = db.name() + ": sslmode " + mode + "; negotiated: " + negotiated;
            switch (mode) {
                case "verify-full" -> evidence.add(line);
                case "require", "verify-ca" -> failures.add(line + " (weaker than verify-full: the server's name is not "
                        + "checked" + (mode.equals("require") ? ", nor its certificate" : "") + ")");
                default -> failures.add(line + " (connections may be plaintext)");
            }
        }
        String action = "read the TLS settings of " + dbs.get().databases().size() + " database connection(s) and "
                + "the negotiated protocol where reachable";
        if (failures.isEmpty() && evidence.isEmpty()) {
            return ProbeOutcome.notApplicable(String.join("; ", notApplicable));
        }
        evidence.addAll(notApplicable);
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }
}
