package dev.oktyv.probes.security.database;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the {@link SqlPayloads} corpus as values through every input-taking entry point (select, select-one,
 * transaction query, insert, batch insert, update, template update, delete) of every configured database. After each
 * call the canary table must be intact, the item count must be exactly what the call legitimately changed, a lookup
 * must return only rows whose name is the payload itself, and no call may take longer than the baseline plus
 * {@link #DELAY_TOLERANCE} (the time-based payloads sleep {@value SqlPayloads#SLEEP_SECONDS} s).
 */
public final class SqlInjectionProbe implements SecurityProbe {

    static final Duration DELAY_TOLERANCE = Duration.ofMillis(2_000);

    @Override
    public String id() {
        return "database.sql-injection";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.DATABASE;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "No SQL-injection payload changes, reveals or delays anything through the engine's entry points";
    }

    @Override
    public String fix() {
        return "Pass every value as a PreparedStatement parameter; build SQL text only from validated, quoted "
                + "identifiers";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<DatabaseTarget> dbs = target.get(DatabaseTarget.class);
        if (dbs.isEmpty() || dbs.get().databases().isEmpty()) {
            return ProbeOutcome.notRun("no database target configured");
        }
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int payloads = 0;
        for (DatabaseUnderTest db : dbs.get().databases()) {
            try (SqlSurface surface = db.openSurface()) {
                List<SqlPayloads.Payload> corpus = SqlPayloads.corpus(surface.canaryTable(), surface.itemsTable());
                payloads = corpus.size();
                InjectionRun run = new InjectionRun(surface, DELAY_TOLERANCE);
                for (SqlPayloads.Payload p : corpus) {
                    run.attack(p);
                }
                evidence.add(db.name() + ": " + run.calls() + " calls, " + run.refused() + " refused, slowest "
                        + run.slowest().toMillis() + " ms, canary " + InjectionRun.canaryOrWhy(surface));
                Map<String, List<String>> byFamily = new LinkedHashMap<>();
                run.findings().forEach(f -> byFamily.computeIfAbsent(f.family(), k -> new ArrayList<>()).add(f.text()));
                byFamily.forEach((family, hits) -> failures.add(db.name() + ", " + family + ": " + hits.size()
                        + " findings, e.g. " + hits.get(0)));
            }
        }
        String action = "sent " + payloads + " SQL-injection payloads through 9 entry points of "
                + dbs.get().databases().size() + " database(s)";
        if (failures.isEmpty()) {
            evidence.add("canary intact, row counts as expected, no extra rows, no added delay");
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }
}
