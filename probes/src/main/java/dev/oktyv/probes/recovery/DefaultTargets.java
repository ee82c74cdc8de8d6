package dev.oktyv.probes.recovery;

import dev.oktyv.probes.recovery.api.ApiTarget;
import dev.oktyv.probes.recovery.crash.CrashTarget;
import dev.oktyv.probes.recovery.database.DatabaseServers;
import dev.oktyv.probes.recovery.database.DatabaseTarget;
import dev.oktyv.probes.recovery.database.H2TcpServers;
import dev.oktyv.probes.recovery.database.InsertPath;
import dev.oktyv.probes.recovery.database.ReadPathTarget;
import dev.oktyv.probes.recovery.email.MailTarget;
import java.nio.file.Path;

/**
 * The real engines as recovery targets: what {@code oktyv-bench recovery} breaks when nothing else is given. The
 * database servers are H2's TCP server, plus PostgreSQL when {@code OKTYV_PG_URL} is set.
 */
public final class DefaultTargets {

    private DefaultTargets() {
    }

    public static RecoveryTargets.Builder real(Path scratchDir) {
        return RecoveryTargets.builder(scratchDir)
                .with(ApiTarget.class, ApiTarget.REAL)
                .with(DatabaseTarget.class, DatabaseTarget.REAL)
                .with(DatabaseServers.class, H2TcpServers.fromEnvironment())
                .with(InsertPath.class, InsertPath.REAL)
                .with(ReadPathTarget.class, ReadPathTarget.REAL)
                .with(MailTarget.class, MailTarget.REAL)
                .with(CrashTarget.class, CrashTarget.REAL);
    }
}
