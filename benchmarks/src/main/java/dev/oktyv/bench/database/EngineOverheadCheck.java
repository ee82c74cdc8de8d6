package dev.oktyv.bench.database;

import dev.oktyv.bench.calibration.PairedRatios;
import dev.oktyv.system.database.ConnectionMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The engine's point query against the plain-JDBC floor (one held connection, one prepared statement) in
 * alternating rounds on one thread, scored in queries per CPU-second of that thread. Companion of
 * {@link HeldConnectionBaselineBenchmark} for shared machines: JMH runs the two methods one after the other, so
 * a neighbour's build between them moves the ratio, and wall-clock scores fall with every other tenant; thread
 * CPU time and back-to-back rounds ({@link PairedRatios}) are far less sensitive to both.
 * Usage: {@code java -cp oktyv-bench.jar dev.oktyv.bench.database.EngineOverheadCheck [rounds=10] [millis=500]
 * [backend=h2|postgres]}; the first two rounds are warm-up and discarded.
 */
public final class EngineOverheadCheck {

    private EngineOverheadCheck() {
    }

    public static void main(String[] args) throws SQLException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 500;
        String backend = args.length > 2 ? args[2] : "h2";
        try (BenchDatabase f = BenchDatabase.open(backend, ConnectionMode.POOLED);
             Connection held = connect(f)) {
            f.createItems();
            PreparedStatement ps = held.prepareStatement(HeldConnectionBaselineBenchmark.heldQuerySql(f));
            List<Double> floor = new ArrayList<>();
            List<Double> engine = new ArrayList<>();
            for (int r = 0; r < rounds + 2; r++) {
                double jdbc = perCpuSecond(millis, () -> HeldConnectionBaselineBenchmark.heldQuery(ps,
                        ThreadLocalRandom.current().nextLong(BenchDatabase.ROWS)));
                double eng = perCpuSecond(millis, () -> HeldConnectionBaselineBenchmark.engineQuery(f,
                        ThreadLocalRandom.current().nextLong(BenchDatabase.ROWS)));
                if (r >= 2) {
                    floor.add(jdbc);
                    engine.add(eng);
                }
            }
            PairedRatios ratio = PairedRatios.of(floor, engine);
            System.out.printf(Locale.ROOT, "%s: held-connection JDBC %.0f queries/cpu-s, engine %.0f queries/cpu-s (medians)%n",
                    backend, median(floor), median(engine));
            System.out.printf(Locale.ROOT, "engine / JDBC floor: %.2f× [%.2f×, %.2f×] (95%%, %d paired rounds of %d ms)%n",
                    ratio.ratio(), ratio.low(), ratio.high(), ratio.rounds(), millis);
            ps.close();
        }
    }

    private static Connection connect(BenchDatabase f) throws SQLException {
        return DriverManager.getConnection(f.db.config().jdbcUrl());
    }

    @FunctionalInterface
    private interface Query {
        long run() throws SQLException;
    }

    private static double perCpuSecond(long millis, Query q) throws SQLException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + millis * 1_000_000L;
        long n = 0;
        long sink = 0;
        while ((n & 63) != 0 || System.nanoTime() < end) {
            sink += q.run();
            n++;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink); // keeps the results alive
        }
        return n / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
