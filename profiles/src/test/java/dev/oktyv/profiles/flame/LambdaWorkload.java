package dev.oktyv.profiles.flame;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.LongUnaryOperator;

/**
 * A child-JVM workload whose hot frames have per-JVM names: a lambda (a hidden class), a reflective call (a
 * {@code GeneratedMethodAccessor} once inflated), a {@code java.lang.reflect.Proxy} whose handler is itself a
 * lambda, and one plain method, {@link #plain}, each doing the same work per round, so each holds a quarter of the
 * CPU. {@code java ... LambdaWorkload SECONDS [PLAIN_FACTOR]}: a factor of 2 makes {@link #plain} twice as slow
 * (a real change, 2/5 of the CPU instead of 1/4). It first creates a number of lambdas that depends on the clock,
 * as class-loading order does in a real application, so the counters of the lambdas that follow differ between
 * two runs.
 */
public final class LambdaWorkload {

    static final int WORK = 20_000;

    private static volatile long sink;

    /** The interface the proxy implements. */
    public interface Stepper {
        long step(long x);
    }

    private LambdaWorkload() {
    }

    static long spin(long x, int n) {
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    static long inLambda(long x) {
        return spin(x, WORK);
    }

    public static long reflected(long x) {
        return spin(x, WORK);
    }

    static long proxied(long x) {
        return spin(x, WORK);
    }

    static long plain(long x, int factor) {
        return spin(x, WORK * factor);
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        int factor = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int warmLambdas = (int) (System.nanoTime() % 7);
        for (int i = 0; i < warmLambdas; i++) {
            LongUnaryOperator warm = switch (i) {
                case 0 -> x -> x + 1;
                case 1 -> x -> x + 2;
                case 2 -> x -> x + 3;
                case 3 -> x -> x + 4;
                case 4 -> x -> x + 5;
                default -> x -> x + 6;
            };
            sink += warm.applyAsLong(i);
        }
        LongUnaryOperator lambda = x -> inLambda(x);
        Method m = LambdaWorkload.class.getMethod("reflected", long.class);
        Stepper proxy = (Stepper) Proxy.newProxyInstance(LambdaWorkload.class.getClassLoader(),
                new Class<?>[] {Stepper.class}, (p, method, a) -> proxied((Long) a[0]));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long x = 1;
        while (System.nanoTime() - end < 0) {
            x = lambda.applyAsLong(x);
            x = (Long) m.invoke(null, x);
            x = proxy.step(x);
            x = plain(x, factor);
        }
        sink = x;
    }
}
