package dev.oktyv.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.bench.cli.Cli;
import dev.oktyv.bench.cli.ExitCodes;
import dev.oktyv.results.store.pg.FileTrees;
import dev.oktyv.results.store.pg.StoreFixtures;
import dev.oktyv.results.store.pg.TestSchema;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.vault.KdfParams;
import dev.oktyv.system.vault.Vault;
import dev.oktyv.system.vault.VaultManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandTest {

    static final String PASSWORD = "Pw-0f-the-st0re-9431";
    static final String FIXTURE = "20261203T110000Z-2222222222";

    @TempDir
    Path tmp;

    @AfterEach
    void realEnvironment() {
        StoreOptions.environment = System::getenv;
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=" + PASSWORD,
                "jdbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1:5432/test")) {
            Cli.Result r = Cli.run("store", "migrate", "--store", url);
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("password").contains("vault").doesNotContain(PASSWORD);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.out()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aPasswordGivenAsThePasswordOptionIsRefusedWithoutEchoingIt() {
        Cli.Result r = Cli.run("store", "migrate", "--store", "jdbc:postgresql://127.0.0.1:1/x", "--store-password", PASSWORD);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("must be a vault reference").doesNotContain(PASSWORD);
    }

    @Test
    void badStoresAreOneLine() {
        Cli.Result scheme = Cli.run("store", "migrate", "--store", "jdbc:mysql://127.0.0.1/x");
        assertThat(scheme.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(scheme.err()).isEqualTo("error: --store: unsupported store URL scheme 'jdbc:mysql': expected"
                + " jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME]\n");
        Cli.Result unreachable = Cli.run("store", "migrate", "--store", "jdbc:postgresql://127.0.0.1:1/x?user=nobody");
        assertThat(unreachable.exit()).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(unreachable.err()).startsWith("error: cannot reach the store jdbc:postgresql://127.0.0.1:1/x?user=nobody: ");
        assertThat(unreachable.err().lines()).hasSize(1);
        Cli.Result none = Cli.run("store", "import", tmp.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("store import needs --store URL (or $OKTYV_STORE)");
    }

    @Test
    void importExportRoundTripThroughTheCommandLine() throws Exception {
        try (TestSchema schema = TestSchema.create()) {
            Path runs = StoreFixtures.copyTo(FIXTURE, Files.createTempDirectory(tmp, "runs"));
            Cli.Result first = Cli.run("store", "import", runs.toString(), "--store", schema.storeUrl());
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("imported " + FIXTURE).contains("3 imported, 0 already in the store, 0 not importable");
            Cli.Result again = Cli.run("store", "import", runs.resolve(FIXTURE).toString(), "--store", schema.storeUrl());
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).contains("already in the store: " + FIXTURE).contains("0 imported, 1 already in the store");
            assertThat(schema.count("SELECT count(*) FROM runs")).isEqualTo(3);

            Path out = tmp.resolve("out");
            Cli.Result export = Cli.run("store", "export", "latest", "--branch", "main", "--store", schema.storeUrl(),
                    "--results-dir", out.toString());
            assertThat(export.exit()).as(export.err()).isZero();
            assertThat(export.out()).isEqualTo("exported " + FIXTURE + " to " + out.resolve(FIXTURE) + "\n");
            for (String f : FileTrees.relativeFiles(runs.resolve(FIXTURE))) {
                assertThat(Files.mismatch(runs.resolve(FIXTURE).resolve(f), out.resolve(FIXTURE).resolve(f))).as(f).isEqualTo(-1L);
            }
            Cli.Result over = Cli.run("store", "export", FIXTURE, "--store", schema.storeUrl(), "--results-dir", out.toString());
            assertThat(over.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(over.err()).contains("exists already: export never writes over a run");
            Cli.Result unknown = Cli.run("store", "export", "20261203T000000Z-abcdef1", "--store", schema.storeUrl());
            assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknown.err()).isEqualTo("error: RUN no run '20261203T000000Z-abcdef1' in the store " + schema.storeUrl() + "\n");
        }
    }

    /** Trust-auth PostgreSQL ignores the password; it must still never be written anywhere. */
    @Test
    void theVaultPasswordNeverReachesMessagesOrRows() throws Exception {
        try (TestSchema schema = TestSchema.create()) {
            Path vaults = tmp.resolve("vaults");
            String passphrase = "vault-passphrase-for-tests";
            try (VaultManager m = new VaultManager(vaults, KdfParams.defaults()); Vault v = m.create("ci", Secret.of(passphrase))) {
                v.set("store-password", Secret.of(PASSWORD));
            }
            StoreOptions.environment = name -> StoreOptions.PASSPHRASE_ENV.equals(name) ? passphrase : System.getenv(name);
            Path runs = StoreFixtures.copyTo(FIXTURE, Files.createTempDirectory(tmp, "runs"));
            Cli.Result r = Cli.run("store", "import", runs.toString(), "--store", schema.storeUrl(),
                    "--store-password", "vault:ci/store-password", "--vault-dir", vaults.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
            String hex = HexFormat.of().formatHex(PASSWORD.getBytes(StandardCharsets.UTF_8));
            try (Connection c = schema.connect(); Statement st = c.createStatement()) {
                for (String table : List.of("runs", "run_files", "run_artifacts", "benchmark_scores", "benchmark_forks",
                        "load_summaries", "probe_results", "readiness_verdicts", "flyway_schema_history")) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%"
                            + PASSWORD + "%' OR t::text LIKE '%" + hex + "%'")) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table).isZero();
                    }
                }
            }
            Cli.Result missing = Cli.run("store", "migrate", "--store", schema.storeUrl(),
                    "--store-password", "vault:ci/nope", "--vault-dir", vaults.toString());
            assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(missing.err()).contains("vault:ci/nope").doesNotContain(PASSWORD);
        }
    }
}
