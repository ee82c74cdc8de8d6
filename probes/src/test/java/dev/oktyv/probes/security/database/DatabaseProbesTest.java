package dev.oktyv.probes.security.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.probe.ProbeVerdict;
import dev.oktyv.system.database.DatabaseConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseProbesTest {

    @TempDir
    Path scratch;

    @Test
    void sqlInjectionPassesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new SqlInjectionProbe().run(TestDatabases.target(TestDatabases.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.action()).startsWith("sent 53 SQL-injection payloads");
        assertThat(outcome.evidence().get(0)).startsWith("H2 (embedded): ").contains("canary 3 rows");
    }

    @Test
    void sqlInjectionFailsAgainstStringBuiltSql() throws Exception {
        ProbeOutcome outcome = new SqlInjectionProbe().run(TestDatabases.target(List.of(TestDatabases.stringBuilt()),
                scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .startsWith("H2 with string-built SQL, auth bypass: ")
                .contains("select '' OR '1'='1': returned 3 rows (3 not named by the payload)"));
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l).startsWith("H2 with string-built SQL, stacked: ")
                .contains("DROP TABLE canary;--': canary changed from 3 rows"));
    }

    @Test
    void identifierInjectionPassesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new IdentifierInjectionProbe().run(TestDatabases.target(TestDatabases.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence().get(0)).startsWith("H2 (embedded): 16 of 16 identifier payloads rejected");
    }

    @Test
    void identifierInjectionFailsAgainstStringBuiltSql() throws Exception {
        ProbeOutcome outcome = new IdentifierInjectionProbe().run(TestDatabases.target(
                List.of(TestDatabases.stringBuilt()), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .startsWith("H2 with string-built SQL: sort column 'name; DROP TABLE canary' "));
    }

    @Test
    void tlsIsNotApplicableToEmbeddedH2() throws Exception {
        ProbeOutcome outcome = new DatabaseTlsProbe().run(TestDatabases.target(List.of(TestDatabases.h2()), scratch));

        assertThat(outcome.verdict()).isEqualTo(ProbeVerdict.NOT_APPLICABLE);
        assertThat(outcome.reason().orElseThrow()).contains("embedded H2 runs inside this process");
    }

    @Test
    void tlsPassesForVerifyFullAndFailsForRequireAndForNoMode() throws Exception {
        String pg = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        ProbeOutcome full = tls(pg + "&sslmode=verify-full");
        ProbeOutcome require = tls(pg + "&sslmode=require");
        ProbeOutcome none = tls(pg);

        assertThat(full.verdict()).as("%s", full).isEqualTo(ProbeVerdict.PASS);
        assertThat(full.evidence().get(0)).startsWith("PostgreSQL: sslmode verify-full; negotiated: ");
        assertThat(require.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(require.evidence().get(0)).contains("weaker than verify-full");
        assertThat(none.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(none.evidence().get(0)).contains("sslmode prefer (pgjdbc default", "may be plaintext");
    }

    private ProbeOutcome tls(String url) throws Exception {
        DatabaseUnderTest db = TestDatabases.configured("PostgreSQL", DatabaseConfig.builder().jdbcUrl(url).build(),
                TestDatabases.resolver(Map.of()));
        return new DatabaseTlsProbe().run(TestDatabases.target(List.of(db), scratch));
    }

    @Test
    void credentialsPassForAVaultReference() throws Exception {
        DatabaseUnderTest db = TestDatabases.configured("H2 with a vault password", DatabaseConfig.builder()
                .jdbcUrl(TestDatabases.h2Url()).password("vault:prod/db-password").build(),
                TestDatabases.resolver(Map.of("prod/db-password", "s3cret-database-password")));

        ProbeOutcome outcome = new DatabaseCredentialsProbe().run(TestDatabases.target(List.of(db), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence()).contains("H2 with a vault password: password from Reference[vault:prod/db-password]");
    }

    @Test
    void credentialsFailForAPasswordInTheUrlOrALiteral() throws Exception {
        DatabaseUnderTest inUrl = TestDatabases.configured("PostgreSQL with a password in the URL", DatabaseConfig
                .builder().jdbcUrl("jdbc:postgresql://127.0.0.1:5432/test?user=app&password=s3cret-in-url").build(),
                TestDatabases.resolver(Map.of()));
        DatabaseUnderTest literal = TestDatabases.configured("H2 with a literal password", DatabaseConfig.builder()
                .jdbcUrl(TestDatabases.h2Url()).password("s3cret-literal-password").build(),
                TestDatabases.resolver(Map.of()));

        ProbeOutcome outcome = new DatabaseCredentialsProbe().run(TestDatabases.target(List.of(inUrl, literal), scratch));

        assertThat(outcome.verdict()).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence()).anySatisfy(l -> assertThat(l)
                .startsWith("PostgreSQL with a password in the URL: the JDBC URL carries a password").doesNotContain("s3cret"));
        assertThat(outcome.evidence()).contains(
                "H2 with a literal password: the password is a literal in the configuration, not a vault: reference");
    }

    @Test
    void poolLimitPassesAgainstTheRealEngine() throws Exception {
        ProbeOutcome outcome = new PoolLimitProbe().run(TestDatabases.target(TestDatabases.real(), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.PASS);
        assertThat(outcome.evidence().get(0)).startsWith("H2 (embedded): at most 4 connections held at once (pool 4), "
                + "36 of 40 requests refused");
    }

    @Test
    void poolLimitFailsAgainstAnEngineWithoutAPool() throws Exception {
        ProbeOutcome outcome = new PoolLimitProbe().run(TestDatabases.target(List.of(TestDatabases.unpooled()), scratch));

        assertThat(outcome.verdict()).as("%s", outcome).isEqualTo(ProbeVerdict.FAIL);
        assertThat(outcome.evidence().get(0)).startsWith("H2 without a pool: ").contains("above the pool size 4");
    }
}
