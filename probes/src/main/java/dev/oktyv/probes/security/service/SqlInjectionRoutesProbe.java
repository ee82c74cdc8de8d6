package dev.oktyv.probes.security.service;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.database.SqlPayloads;
import dev.oktyv.results.security.Severity;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SQL injection through the service's database routes, end to end over HTTP: payloads in the JSON fields of
 * {@code POST /db/items} must be stored and read back as data, byte for byte; payloads in the item id of
 * {@code GET /db/items/{id}} must be refused (400/404), never answered with rows or a 500; no answer may carry a
 * database error; no time-based payload may delay its call; and a canary item created first must still read back
 * unchanged at the end (no DROP or DELETE ran). Against a vulnerable service this is destructive by design: point
 * {@code --target-url} at a staging instance.
 */
public final class SqlInjectionRoutesProbe extends ServiceProbe {

    /** Field payloads: the database probe's corpus, aimed at the service's {@code items} table. */
    static final List<SqlPayloads.Payload> FIELD_PAYLOADS = SqlPayloads.corpus("items", "items");
    /** A time-based payload that ran makes its call this much slower than the slowest plain call. */
    static final Duration DELAY_TOLERANCE = Duration.ofMillis(2_000);
    /** Id payloads, URL-encoded as a client would send them. */
    static final List<String> ID_PAYLOADS = List.of(
            "1%20OR%201%3D1", "0%20UNION%20SELECT%201%2C2%2C3", "1%3BDROP%20TABLE%20items", "1'", "1%27--",
            "-1%20OR%20id%3Eid", "(SELECT%201)");
    /** What a database error looks like in an answer. */
    static final Pattern DB_ERROR = Pattern.compile(
            "SQLSTATE|SQLException|syntax error|org\\.h2|org\\.postgresql|JdbcSQL|PSQLException|Syntax error in SQL"
                    + "|Table \"?ITEMS\"? not found|relation \"items\"", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "service.sql-injection";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "SQL injection through the database routes: payloads are stored as data, ids refused, no DB errors";
    }

    @Override
    public String fix() {
        return "Bind every value as a statement parameter; parse ids as integers before they reach the engine; map "
                + "database errors to a fixed JSON error";
    }

    @Override
    ProbeOutcome attack(ServiceTarget service, RawHttp http) throws Exception {
        List<String> headers = List.of(bearer(service), "Content-Type: application/json");
        byte[] r = new byte[8];
        new SecureRandom().nextBytes(r);
        String canaryName = "oktyv-canary-" + HexFormat.of().formatHex(r);
        RawResponse created = post(http, headers, canaryName, "canary");
        if (created.status() != 201) {
            return ProbeOutcome.notRun("POST /db/items of a plain item answered " + created.status()
                    + ", so the routes cannot be attacked; is the database route enabled?");
        }
        long canary = id(created);
        long baselineNanos = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            post(http, headers, canaryName + "-baseline-" + i, "baseline");
            baselineNanos = Math.max(baselineNanos, System.nanoTime() - t0);
        }
        String action = "sent " + FIELD_PAYLOADS.size() + " payloads in the name and data fields of POST /db/items"
                + " and " + ID_PAYLOADS.size() + " in the id of GET /db/items/{id}; checked the canary item #" + canary;
        List<String> failures = new ArrayList<>();
        int storedExactly = 0;
        int refused = 0;
        for (int i = 0; i < FIELD_PAYLOADS.size(); i++) {
            String p = FIELD_PAYLOADS.get(i).text();
            String label = "field payload #" + i + " (" + FIELD_PAYLOADS.get(i).family() + ")";
            long t0 = System.nanoTime();
            RawResponse resp = post(http, headers, p, p);
            long tookNanos = System.nanoTime() - t0;
            if (tookNanos > baselineNanos + DELAY_TOLERANCE.toNanos()) {
                failures.add(label + " took " + tookNanos / 1_000_000 + " ms against a plain call's "
                        + baselineNanos / 1_000_000 + " ms: a time-based payload ran");
            }
            if (dbError(resp, failures, label)) {
                continue;
            }
            if (resp.status() == 201) {
                RawResponse back = http.get("/db/items/" + id(resp), headers);
                JsonObject o = back.status() == 200 ? object(back) : null;
                if (o == null || !p.equals(text(o, "name")) || !p.equals(text(o, "data"))) {
                    failures.add(label + " was not stored as data: reading it back gave HTTP "
                            + back.status() + (o == null ? "" : " with different name/data"));
                } else {
                    storedExactly++;
                }
            } else if (resp.status() == 400) {
                refused++;
            } else {
                failures.add(label + ": HTTP " + resp.status() + ", expected 201 or 400");
            }
        }
        for (int i = 0; i < ID_PAYLOADS.size(); i++) {
            RawResponse resp = http.get("/db/items/" + ID_PAYLOADS.get(i), headers);
            if (!dbError(resp, failures, "id payload #" + i) && resp.status() != 400 && resp.status() != 404) {
                failures.add("id payload #" + i + ": HTTP " + resp.status() + ", expected 400 or 404");
            }
        }
        RawResponse after = http.get("/db/items/" + canary, headers);
        JsonObject c = after.status() == 200 ? object(after) : null;
        if (c == null || !canaryName.equals(text(c, "name")) || !"canary".equals(text(c, "data"))) {
            failures.add("the canary item #" + canary + " no longer reads back unchanged (HTTP " + after.status()
                    + "): an injected statement changed the table");
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(storedExactly + " of " + FIELD_PAYLOADS.size() + " field payloads stored and read back exactly, "
                + refused + " refused with 400");
        evidence.addAll(failures);
        if (!failures.isEmpty()) {
            return ProbeOutcome.fail(action, evidence);
        }
        evidence.add("every id payload refused with 400/404; no database error in any answer; no call delayed beyond "
                + DELAY_TOLERANCE.toMillis() + " ms; canary unchanged");
        return ProbeOutcome.pass(action, evidence);
    }

    private static RawResponse post(RawHttp http, List<String> headers, String name, String data) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        body.addProperty("data", data);
        return http.send("POST", "/db/items", headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean dbError(RawResponse resp, List<String> failures, String what) {
        if (resp.status() >= 500 || DB_ERROR.matcher(resp.bodyText()).find()) {
            failures.add(what + ": HTTP " + resp.status() + (DB_ERROR.matcher(resp.bodyText()).find()
                    ? " with a database error in the answer" : ": the statement broke on the server"));
            return true;
        }
        return false;
    }

    private static long id(RawResponse resp) {
        JsonObject o = object(resp);
        if (o == null || !o.has("id")) {
            throw new IllegalStateException("POST /db/items answered 201 without an item id");
        }
        return o.get("id").getAsLong();
    }

    private static JsonObject object(RawResponse resp) {
        try {
            return JsonParser.parseString(resp.bodyText()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && o.get(field).isJsonPrimitive() ? o.get(field).getAsString() : null;
    }
}
