package dev.oktyv.probes.security.s3;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.system.files.FileStore;
import java.util.UUID;

/** Common frame of the S3 probes: the FILE category, the target lookup, a fresh prefix per run, closing stores. */
abstract class S3Probe implements SecurityProbe {

    @Override
    public SecurityCategory category() {
        return SecurityCategory.FILE;
    }

    @Override
    public final ProbeOutcome run(SecurityTarget target) throws Exception {
        S3Target s3 = target.get(S3Target.class).orElse(null);
        if (s3 == null) {
            // The deployment stores files locally: there is no S3 bucket to attack, which is not a failure to run.
            return ProbeOutcome.notApplicable("the file store is local: no S3 backend configured");
        }
        return attack(s3, "oktyv-probe/" + id() + "/" + UUID.randomUUID() + "/");
    }

    /** @param base a prefix no other run uses, ending in '/' */
    abstract ProbeOutcome attack(S3Target s3, String base) throws Exception;

    static void close(FileStore store) throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }
}
