package dev.oktyv.probes.security.database;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL-injection corpus, aimed at the probe's own tables as an attacker who knows the schema would aim: auth
 * bypass, UNION, stacked statements, comment terminators, time-based blind (H2, PostgreSQL, MySQL and SQL Server
 * dialects, each sleeping {@value #SLEEP_SECONDS} s), encodings and polyglots.
 */
public final class SqlPayloads {

    public static final int SLEEP_SECONDS = 3;

    /** A payload and its family, for evidence. */
    public record Payload(String family, String text) {
    }

    private SqlPayloads() {
    }

    /**
     * @param canary a table the attacker wants to read or destroy
     * @param items  the table behind the entry point under attack
     */
    public static List<Payload> corpus(String canary, String items) {
        int s = SLEEP_SECONDS;
        List<Payload> p = new ArrayList<>();
        for (String t : List.of("' OR '1'='1", "' OR 1=1--", "' OR 1=1 --", "admin'--", "' OR ''='", "') OR ('1'='1",
                "' OR 'a'='a' --", "\" OR \"\"=\"", "' OR 1=1 LIMIT 1--", "x' OR name IS NOT NULL--")) {
            p.add(new Payload("auth bypass", t));
        }
        for (String t : List.of("' UNION SELECT secret FROM " + canary + "--",
                "' UNION ALL SELECT secret FROM " + canary + " --", "x' UNION SELECT NULL--",
                "' UNION SELECT name FROM " + items + " WHERE '1'='1", "') UNION SELECT secret FROM " + canary + "--",
                "' UNION SELECT table_name FROM information_schema.tables--")) {
            p.add(new Payload("UNION", t));
        }
        for (String t : List.of("'; DROP TABLE " + canary + ";--", "'; DELETE FROM " + canary + ";--",
                "'; INSERT INTO " + items + " (name, note) VALUES ('injected', 'x');--",
                "'; UPDATE " + canary + " SET secret = 'owned';--", "x'); DROP TABLE " + canary + ";--",
                "1; DROP TABLE " + canary, "'; TRUNCATE TABLE " + canary + ";--",
                "'; CREATE TABLE oktyv_injected (x INT);--")) {
            p.add(new Payload("stacked", t));
        }
        for (String t : List.of("item-1'--", "item-1'#", "item-1'/*", "item-1' /* comment */ OR '1'='1",
                "item-1';%00", "item-1'-- -", "*/ OR 1=1 /*")) {
            p.add(new Payload("comment terminator", t));
        }
        for (String t : List.of("'; CREATE ALIAS IF NOT EXISTS OKTYV_SLEEP FOR \"java.lang.Thread.sleep\"; CALL OKTYV_SLEEP("
                        + s * 1000 + ");--", "' OR (SELECT 1 FROM pg_sleep(" + s + ")) IS NOT NULL--",
                "'; SELECT pg_sleep(" + s + ");--", "' AND 1=(SELECT 1 FROM PG_SLEEP(" + s + "))--",
                "' OR SLEEP(" + s + ")--", "'; WAITFOR DELAY '0:0:" + s + "';--",
                "1 AND (SELECT * FROM (SELECT(SLEEP(" + s + ")))a)", "' || pg_sleep(" + s + ") || '")) {
            p.add(new Payload("time-based", t));
        }
        for (String t : List.of("%27%20OR%201%3D1--", "&#39; OR 1=1--", "\\' OR 1=1--", "\uFF07 OR 1=1--",
                "\u02BC OR 1=1--", "' OR 0x31=0x31--", "' OR CHAR(49)=CHAR(49)--", "%2527 OR 1=1--",
                "\u0000' OR 1=1--", "' OR 1=1\u2014")) {
            p.add(new Payload("encoding", t));
        }
        for (String t : List.of("SLEEP(1) /*' or SLEEP(1) or '\" or SLEEP(1) or \"*/",
                "1;SELECT 1--'\"; SELECT 1--", "'\"`) OR 1=1 -- ;",
                "';DROP TABLE " + canary + "/*\"*/;--")) {
            p.add(new Payload("polyglot", t));
        }
        return p;
    }
}
