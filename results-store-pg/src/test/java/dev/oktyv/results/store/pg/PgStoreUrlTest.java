package dev.oktyv.results.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgStoreUrlTest {

    static final String SECRET = "s3cr3t-Pa55";

    @Test
    void aPlainUrlWithASchema() {
        PgStoreUrl u = PgStoreUrl.parse("jdbc:postgresql://db:5432/oktyv?user=ci&currentSchema=team_a");
        assertThat(u.schema()).contains("team_a");
        assertThat(u.toString()).isEqualTo("jdbc:postgresql://db:5432/oktyv?user=ci&currentSchema=team_a");
        assertThat(PgStoreUrl.parse("jdbc:postgresql://db/oktyv").schema()).isEmpty();
    }

    @Test
    void aPasswordAnywhereIsRefusedAndNeverRepeated() {
        for (String url : new String[] {"jdbc:postgresql://db/oktyv?user=ci&password=" + SECRET,
                "jdbc:postgresql://db/oktyv?PASSWORD=" + SECRET, "jdbc:postgresql://db/oktyv?sslpassword=" + SECRET,
                "jdbc:postgresql://ci:" + SECRET + "@db/oktyv"}) {
            assertThatThrownBy(() -> PgStoreUrl.parse(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("vault")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
    }

    @Test
    void malformedUrlsNameWhatIsWrong() {
        assertThatThrownBy(() -> PgStoreUrl.parse("postgres://db/x")).hasMessageStartingWith("store URL must start with jdbc:postgresql://");
        assertThatThrownBy(() -> PgStoreUrl.parse("jdbc:postgresql://db")).hasMessageContaining("names no host and database");
        assertThatThrownBy(() -> PgStoreUrl.parse("jdbc:postgresql://ci@db/x")).hasMessageContaining("give the user as ?user=NAME");
        assertThatThrownBy(() -> PgStoreUrl.parse("jdbc:postgresql://db/x?currentSchema=a;drop"))
                .hasMessageContaining("currentSchema 'a;drop' is not a plain schema name");
    }

    @Test
    void anUnreachableStoreIsOneLineWithoutAPassword() {
        assertThatThrownBy(() -> PgRunStore.open(PgStoreUrl.parse("jdbc:postgresql://127.0.0.1:1/x?user=nobody"),
                Optional.of(SECRET.toCharArray())))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("cannot reach the store jdbc:postgresql://127.0.0.1:1/x?user=nobody: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n"));
    }
}
