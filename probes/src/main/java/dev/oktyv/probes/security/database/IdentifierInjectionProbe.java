package dev.oktyv.probes.security.database;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.Printable;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sort column chosen by the caller is the classic identifier-injection hole: values are bound, but a column name
 * cannot be. Every payload must be rejected (an exception) with the canary intact; a legitimate column must still
 * work, so an engine that refuses everything cannot pass.
 */
public final class IdentifierInjectionProbe implements SecurityProbe {

    @Override
    public String id() {
        return "database.identifier-injection";
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
        return "Injection through table and column names is rejected";
    }

    @Override
    public String fix() {
        return "Accept identifiers only through an allow-list pattern and always quote them; never splice a "
                + "caller's text into SQL";
    }

    static List<String> payloads(String canary) {
        return List.of("name; DROP TABLE " + canary, "name DESC; DROP TABLE " + canary + "--", "name\"; DROP TABLE \""
                        + canary + "\"; --", "(SELECT secret FROM " + canary + ")", "name, (SELECT 1)", "1", "name--",
                "name/**/DESC", "CASE WHEN 1=1 THEN name ELSE note END", "\"name\"", "name\u0000", "na me",
                "name`", "name'", "pg_sleep(3)", "n\u0430me");
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<DatabaseTarget> dbs = target.get(DatabaseTarget.class);
        if (dbs.isEmpty() || dbs.get().databases().isEmpty()) {
            return ProbeOutcome.notRun("no database target configured");
        }
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (DatabaseUnderTest db : dbs.get().databases()) {
            try (SqlSurface surface = db.openSurface()) {
                String canary = surface.canaryState();
                List<String> ordered = surface.sortedBy("name");
                if (ordered.size() != 3) {
                    failures.add(db.name() + ": a legitimate sort column returned " + ordered.size() + " rows, not 3");
                }
                int rejected = 0;
                List<String> payloads = payloads(surface.canaryTable());
                count = payloads.size();
                for (String p : payloads) {
                    try {
                        List<String> rows = surface.sortedBy(p);
                        failures.add(db.name() + ": sort column '" + Printable.of(p) + "' accepted ("
                                + rows.size() + " rows)");
                    } catch (RuntimeException e) {
                        rejected++;
                    }
                    String now = InjectionRun.canaryOrWhy(surface);
                    if (!now.equals(canary)) {
                        failures.add(db.name() + ": sort column '" + Printable.of(p) + "' changed the canary to "
                                + now);
                        break;
                    }
                }
                evidence.add(db.name() + ": " + rejected + " of " + payloads.size() + " identifier payloads rejected, "
                        + "canary " + InjectionRun.canaryOrWhy(surface));
            }
        }
        String action = "used " + count + " identifier payloads as the sort column of a query in "
                + dbs.get().databases().size() + " database(s)";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }
}
