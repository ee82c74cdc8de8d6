package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A corpus of URLs whose secrets a pattern-based redaction missed: a password with '@', '/', '&' in it, and
 * parameter names it did not know. The secret part of each is the text "S3CR" so that a leak is easy to see.
 */
class JdbcUrlRedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://bob:p@S3CR@db:5432/x | jdbc:postgresql://bob:***@db:5432/x",
        "jdbc:postgresql://bob:pa/S3CR@db:5432/x | jdbc:postgresql://bob:***@db:5432/x",
        "jdbc:postgresql://bob:pa/S3CR@db/x?ssl=true | jdbc:postgresql://bob:***@db/x?ssl=true",
        "jdbc:mysql://db/x?user=bob&pass=S3CR&ssl=true | jdbc:mysql://db/x?user=bob&pass=***&ssl=true",
        "jdbc:postgresql://db/x?sslkey=/home/S3CR.pk8&sslmode=verify-full"
                + " | jdbc:postgresql://db/x?sslkey=***&sslmode=verify-full",
        "jdbc:h2:mem:x;USER=sa;PASSWORD=a&S3CR;DB_CLOSE_DELAY=-1 | jdbc:h2:mem:x;USER=sa;PASSWORD=***;DB_CLOSE_DELAY=-1",
        "jdbc:postgresql://db/x?password=a&S3CR&ssl=true | jdbc:postgresql://db/x?password=***&ssl=true",
        "jdbc:sqlserver://db:1433;user=sa;password=S3CR;encrypt=true | jdbc:sqlserver://db:1433;user=sa;password=***;encrypt=true",
        "jdbc:oracle:thin:scott/S3CR@db:1521/orcl | jdbc:oracle:thin:scott/***@db:1521/orcl",
        "jdbc:postgresql://db/x?apiToken=S3CR | jdbc:postgresql://db/x?apiToken=***",
        "jdbc:postgresql://bob@db/x?ssl=true | jdbc:postgresql://bob@db/x?ssl=true",
        "jdbc:h2:mem:plain | jdbc:h2:mem:plain",
    })
    void redactsEveryCredentialAndKeepsTheRest(String url, String expected) {
        String redacted = JdbcUrls.redact(url);
        assertThat(redacted).doesNotContain("S3CR").isEqualTo(expected);
    }
}
