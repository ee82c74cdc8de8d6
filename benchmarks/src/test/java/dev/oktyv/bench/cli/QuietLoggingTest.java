package dev.oktyv.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class QuietLoggingTest {

    @Test
    void aWarningWithAnExceptionIsOneLineWithoutAStackTrace() {
        LogRecord r = new LogRecord(Level.WARNING, "Connection {0} marked as broken");
        r.setParameters(new Object[] {"conn3"});
        r.setLoggerName("com.zaxxer.hikari.pool.ProxyConnection");
        r.setThrown(new SQLException("Connection is broken:\n\"session closed\""));
        String line = new QuietLogging.OneLine().format(r);
        assertThat(line).isEqualTo("WARNING com.zaxxer.hikari.pool.ProxyConnection: Connection conn3 marked as broken"
                + " (SQLException: Connection is broken: \"session closed\")" + System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\tat ");
    }
}
