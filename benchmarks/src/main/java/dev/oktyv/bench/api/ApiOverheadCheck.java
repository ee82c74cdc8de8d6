package dev.oktyv.bench.api;

import dev.oktyv.bench.calibration.AlternatingRounds;
import dev.oktyv.bench.calibration.PairedRatios;
import java.util.List;
import java.util.Locale;

/**
 * The API client's own overhead in alternating rounds on one thread: each round runs {@code clientGet} (the
 * engine) and {@code plainGet} (a plain {@code HttpClient}, the benchmark's {@code variant=baseline}) back to back
 * against the same loopback server of {@link ApiClientGetBenchmark}, so a neighbour's load moves both halves of a
 * pair alike. Reports GETs per second of each and the ratio of time per GET, engine over plain, with a 95% interval
 * ({@link PairedRatios}).
 * Usage: {@code java -cp oktyv-bench.jar dev.oktyv.bench.api.ApiOverheadCheck [http|https] [rounds=10]
 * [millis=500]}; two warm-up rounds are discarded.
 */
public final class ApiOverheadCheck {

    private ApiOverheadCheck() {
    }

    public static void main(String[] args) throws Exception {
        String scheme = args.length > 0 ? args[0] : "http";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long millis = args.length > 2 ? Long.parseLong(args[2]) : 500;
        ApiClientGetBenchmark fixture = new ApiClientGetBenchmark();
        fixture.scheme = scheme;
        fixture.start();
        try {
            AlternatingRounds.Result measured = AlternatingRounds.run(2, rounds, millis, fixture::plainGet,
                    fixture::clientGet);
            List<Double> plainNanos = measured.baselineWallNanos();
            List<Double> engineNanos = measured.treatmentWallNanos();
            PairedRatios ratio = measured.wall();
            System.out.printf(Locale.ROOT, "%s: plain HttpClient %.0f GETs/s, engine %.0f GETs/s (medians, one thread)%n",
                    scheme, 1e9 / AlternatingRounds.median(plainNanos), 1e9 / AlternatingRounds.median(engineNanos));
            System.out.printf(Locale.ROOT, "engine / plain, time per GET: %.2f× [%.2f×, %.2f×] (95%%, %d paired rounds of %d ms)%n",
                    ratio.ratio(), ratio.low(), ratio.high(), ratio.rounds(), millis);
        } finally {
            fixture.stop();
        }
    }
}
