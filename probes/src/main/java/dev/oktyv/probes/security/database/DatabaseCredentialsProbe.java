package dev.oktyv.probes.security.database;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.SecretEncodings;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.database.Credential;
import dev.oktyv.system.database.JdbcUrls;
import dev.oktyv.system.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database password comes from the vault: the URL carries none (no {@code user:pass@}, no {@code password=}
 * parameter), the configured password is a {@code vault:} reference rather than a literal, and neither the
 * configuration's nor the engine's {@code toString()} shows the resolved value.
 */
public final class DatabaseCredentialsProbe implements SecurityProbe {

    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?i)(//[^/?;@]*:[^/?;@]*@)|([?&;][a-z_.-]*(password|pwd|secret|token)[a-z_.-]*=)");

    @Override
    public String id() {
        return "database.credentials";
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
        return "Database credentials come from the vault: none in the URL, the configuration or toString()";
    }

    @Override
    public String fix() {
        return "Configure password=vault:<vault>/<key> and remove user:pass@ and password= from the JDBC URL";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<DatabaseTarget> dbs = target.get(DatabaseTarget.class);
        if (dbs.isEmpty() || dbs.get().databases().isEmpty()) {
            return ProbeOutcome.notRun("no database target configured");
        }
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (DatabaseUnderTest db : dbs.get().databases()) {
            var config = db.config();
            if (URL_PASSWORD.matcher(config.jdbcUrl()).find()) {
                failures.add(db.name() + ": the JDBC URL carries a password (" + JdbcUrls.redact(config.jdbcUrl()) + ")");
            }
            Credential password = config.password();
            if (password instanceof Credential.Literal) {
                failures.add(db.name() + ": the password is a literal in the configuration, not a vault: reference");
            } else if (password instanceof Credential.None) {
                evidence.add(db.name() + ": no password configured (embedded or trust authentication)");
            } else {
                evidence.add(db.name() + ": password from " + password);
            }
            Optional<Secret> value = Optional.empty();
            try {
                value = password.resolve(db.secrets());
            } catch (RuntimeException e) {
                evidence.add(db.name() + ": the password reference does not resolve here (" + e.getClass().getSimpleName()
                        + "), so toString() was checked for the URL only");
            }
            if (value.isPresent()) {
                try (Secret s = value.get()) {
                    String plain = s.revealAsString();
                    if (plain.length() >= 8) {
                        String shown = config + "\n" + config.password() + "\n" + config.username();
                        for (String encoding : SecretEncodings.of(plain).find(shown)) {
                            failures.add(db.name() + ": the configuration's toString() shows the password as " + encoding);
                        }
                        evidence.add(db.name() + ": toString() of the configuration checked for the resolved password");
                    } else {
                        evidence.add(db.name() + ": the password has fewer than 8 characters; toString() not scanned "
                                + "for it (short strings match by chance)");
                    }
                }
            }
        }
        String action = "inspected the URL, password source and toString() of " + dbs.get().databases().size()
                + " database configuration(s)";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }
}
