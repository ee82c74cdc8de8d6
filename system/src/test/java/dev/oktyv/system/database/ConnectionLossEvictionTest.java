package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionLossEvictionTest {

    private final ConnectionLossEviction rule = new ConnectionLossEviction();

    @Test
    void evictsOnH2SessionLossAndLeavesEverythingElseToHikari() {
        assertThat(rule.adjudicate(new SQLException("closed", "90121"))).isEqualTo(Override.MUST_EVICT);
        assertThat(rule.adjudicate(new SQLException("broken", "90067"))).isEqualTo(Override.MUST_EVICT);
        assertThat(rule.adjudicate(new SQLException("syntax", "42001"))).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(rule.adjudicate(new SQLException("no state"))).isEqualTo(Override.CONTINUE_EVICT);
    }
}
