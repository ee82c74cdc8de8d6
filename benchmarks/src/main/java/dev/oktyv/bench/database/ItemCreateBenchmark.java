package dev.oktyv.bench.database;

import dev.oktyv.system.batch.BatcherConfig;
import dev.oktyv.system.database.ConnectionMode;
import dev.oktyv.system.database.Identifier;
import dev.oktyv.system.database.SqlTemplate;
import dev.oktyv.system.monitoring.MetricsCollector;
import dev.oktyv.system.service.adapters.DatabaseItemBackend;
import dev.oktyv.system.service.adapters.ItemStoreOptions;
import dev.oktyv.system.service.routes.ItemBackend.Item;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Pair: {@code POST /db/items}'s backend creating items from 4 threads with inserts grouped by the Batcher
 * ({@code variant=batched}: up to 8 rows or 1 ms, each caller waiting for its own row's commit) vs one
 * auto-committed insert per item ({@code variant=baseline}, the default). Score: items per second.
 *
 * <p>H2 only: the backend's table name ({@code items}) is fixed, and on a shared PostgreSQL the benchmark would
 * create and drop a table other runs may be using. {@code InsertBenchmark -p backend=postgres} measures batching
 * on PostgreSQL at the engine level.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ItemCreateBenchmark {

    @Param({"batched", "baseline"})
    public String variant;

    private BenchDatabase fixture;
    private DatabaseItemBackend items;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = BenchDatabase.open("h2", ConnectionMode.POOLED);
        ItemStoreOptions options = switch (variant) {
            case "batched" -> ItemStoreOptions.none().withInsertBatching(new BatcherConfig(8, Duration.ofMillis(1)));
            case "baseline" -> ItemStoreOptions.none();
            default -> throw new IllegalArgumentException("variant '" + variant + "' is not one of batched, baseline");
        };
        items = new DatabaseItemBackend(fixture.db, options, new MetricsCollector());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            items.close();
            fixture.db.execute(SqlTemplate.of("DROP TABLE IF EXISTS {}", Identifier.of("items")));
        } finally {
            fixture.close();
        }
    }

    @Benchmark
    @Threads(4)
    public Item create4Threads() {
        return items.create("bench", "payload");
    }
}
