package dev.oktyv.results.store.pg;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.oktyv.results.JsonInput;
import dev.oktyv.results.JsonText;
import dev.oktyv.results.RunFolder;
import dev.oktyv.results.load.LoadFolder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The queryable rows of a run's small files: JMH scores with each fork's iterations, load summaries, probe
 * outcomes and the readiness verdict. They are read from the same bytes {@code run_files} keeps, so a query and an
 * export never disagree; a file these rows cannot be read from fails the import with its path (a damaged file in
 * the store would fail every later reader instead).
 */
final class RunRows {

    private static final String SUMMARY_SUFFIX = "/" + LoadFolder.SUMMARY_JSON;

    private RunRows() {
    }

    static void insert(Connection c, long runPk, String path, String text) throws SQLException {
        try {
            if (path.equals(RunFolder.JMH_JSON) && !text.isBlank()) {
                jmh(c, runPk, JsonInput.parse(text).getAsJsonArray());
            } else if (path.startsWith(RunFolder.LOAD_DIR + "/") && path.endsWith(SUMMARY_SUFFIX)) {
                load(c, runPk, path.substring(0, path.length() - SUMMARY_SUFFIX.length()), JsonInput.parse(text).getAsJsonObject());
            } else if (path.equals(RunFolder.SECURITY_JSON)) {
                probes(c, runPk, "security", JsonInput.parse(text).getAsJsonObject().getAsJsonArray("findings"), "probeId");
            } else if (path.equals(RunFolder.RECOVERY_JSON)) {
                probes(c, runPk, "recovery", JsonInput.parse(text).getAsJsonObject().getAsJsonArray("probes"), "id");
            } else if (path.equals(RunFolder.READINESS_JSON)) {
                readiness(c, runPk, JsonInput.parse(text).getAsJsonObject());
            }
        } catch (IllegalStateException | UnsupportedOperationException | NullPointerException | ClassCastException
                 | NumberFormatException | com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException(path + ": cannot be stored: " + e.getMessage(), e);
        }
    }

    private static void jmh(Connection c, long runPk, JsonArray results) throws SQLException {
        String sql = "INSERT INTO benchmark_scores (run_pk, ordinal, benchmark, mode, params, score, score_error,"
                + " score_unit, forks) VALUES (?,?,?,?,?::jsonb,?,?,?,?) RETURNING pk";
        for (int i = 0; i < results.size(); i++) {
            JsonObject r = results.get(i).getAsJsonObject();
            JsonObject primary = r.getAsJsonObject("primaryMetric");
            JsonArray raw = primary.has("rawData") ? primary.getAsJsonArray("rawData") : new JsonArray();
            long scorePk;
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, runPk);
                st.setInt(2, i);
                st.setString(3, r.get("benchmark").getAsString());
                st.setString(4, r.get("mode").getAsString());
                st.setString(5, JsonText.GSON.toJson(r.has("params") ? r.get("params") : new JsonObject()));
                setDouble(st, 6, primary.get("score"));
                setDouble(st, 7, primary.get("scoreError"));
                st.setString(8, primary.has("scoreUnit") ? primary.get("scoreUnit").getAsString() : null);
                st.setInt(9, raw.size());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    scorePk = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO benchmark_forks (score_pk, fork, iterations) VALUES (?,?,?)")) {
                for (int f = 0; f < raw.size(); f++) {
                    JsonArray its = raw.get(f).getAsJsonArray();
                    Double[] values = new Double[its.size()];
                    for (int k = 0; k < its.size(); k++) {
                        values[k] = its.get(k).getAsDouble();
                    }
                    st.setLong(1, scorePk);
                    st.setInt(2, f + 1);
                    st.setArray(3, c.createArrayOf("float8", values));
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    private static void load(Connection c, long runPk, String folder, JsonObject s) throws SQLException {
        JsonObject totals = s.has("totals") ? s.getAsJsonObject("totals") : new JsonObject();
        JsonObject rates = s.has("rates") ? s.getAsJsonObject("rates") : new JsonObject();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO load_summaries (run_pk, folder, scenario,"
                + " total_operations, failed_operations, error_rate, achieved_per_second, summary)"
                + " VALUES (?,?,?,?,?,?,?,?::jsonb)")) {
            st.setLong(1, runPk);
            st.setString(2, folder);
            st.setString(3, s.get("scenario").getAsString());
            setLong(st, 4, totals.get("total"));
            setLong(st, 5, totals.get("failed"));
            setDouble(st, 6, totals.get("errorRate"));
            setDouble(st, 7, rates.get("achievedPerSecond"));
            st.setString(8, JsonText.GSON.toJson(s));
            st.executeUpdate();
        }
    }

    private static void probes(Connection c, long runPk, String phase, JsonArray probes, String idField) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO probe_results (run_pk, phase, ordinal, probe_id,"
                + " verdict, detail) VALUES (?,?,?,?,?,?::jsonb)")) {
            for (int i = 0; i < probes.size(); i++) {
                JsonObject p = probes.get(i).getAsJsonObject();
                st.setLong(1, runPk);
                st.setString(2, phase);
                st.setInt(3, i);
                st.setString(4, p.get(idField).getAsString());
                st.setString(5, p.get("verdict").getAsString());
                st.setString(6, JsonText.GSON.toJson(p));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void readiness(Connection c, long runPk, JsonObject r) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO readiness_verdicts (run_pk, verdict, quick, document) VALUES (?,?,?,?::jsonb)")) {
            st.setLong(1, runPk);
            st.setString(2, r.get("verdict").getAsString());
            if (r.has("quick") && !r.get("quick").isJsonNull()) {
                st.setBoolean(3, r.get("quick").getAsBoolean());
            } else {
                st.setNull(3, Types.BOOLEAN);
            }
            st.setString(4, JsonText.GSON.toJson(r));
            st.executeUpdate();
        }
    }

    /** JSON null, a missing field and a non-finite number ("NaN" as JMH writes it) are SQL NULL: not a zero. */
    private static void setDouble(PreparedStatement st, int i, JsonElement e) throws SQLException {
        double d = e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
        if (Double.isFinite(d)) {
            st.setDouble(i, d);
        } else {
            st.setNull(i, Types.DOUBLE);
        }
    }

    private static void setLong(PreparedStatement st, int i, JsonElement e) throws SQLException {
        if (e == null || e.isJsonNull()) {
            st.setNull(i, Types.BIGINT);
        } else {
            st.setLong(i, e.getAsLong());
        }
    }
}
