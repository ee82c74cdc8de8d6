package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.secret.Secret;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every file the engine creates is 0600 and its directory 0700, right after creation and again after a
 * compaction (which writes a new file and renames it over the old one, the classic place to lose the mode).
 */
public final class VaultPermissionsProbe implements SecurityProbe {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final int BIG_VALUE_CHARS = 32 * 1024;
    private static final int MAX_OVERWRITES = 64;

    @Override
    public String id() {
        return "vault.permissions";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.VAULT;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "Vault files are 0600 and their directory 0700, also after compaction";
    }

    @Override
    public String fix() {
        return "Create vault files and their temp files with 0600 (not chmod afterwards) and the directory with 0700";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return ProbeOutcome.notApplicable("the file system has no POSIX permissions (" + System.getProperty("os.name")
                    + "); access there is governed by ACLs, which this probe does not read");
        }
        Path dir = VaultProbeSupport.freshDirectory(target, id());
        String passphrase = VaultProbeSupport.randomSecret("pass");
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean compacted = false;
        try (VaultEngine engine = vaults.get().open(dir)) {
            try (VaultSession s = engine.create("perm", Secret.of(passphrase))) {
                s.set("small", Secret.of(VaultProbeSupport.randomSecret("perm")));
                check("after create", engine.directory(), evidence, failures);
                Path file = engine.file("perm");
                String big = "y".repeat(BIG_VALUE_CHARS);
                for (int i = 0; i < MAX_OVERWRITES && !compacted; i++) {
                    Object identity = identity(file);
                    long size = Files.size(file);
                    s.set("big", Secret.of(big + i));
                    compacted = !Objects.equals(identity, identity(file)) || Files.size(file) < size;
                }
                if (compacted) {
                    check("after compaction", engine.directory(), evidence, failures);
                } else {
                    evidence.add("no compaction observed after " + MAX_OVERWRITES + " overwrites; checked after them");
                    check("after overwrites", engine.directory(), evidence, failures);
                }
            }
        }
        String action = "created a vault with " + vaults.get().description() + ", overwrote a key until it compacted,"
                + " and read the mode of every file and of the directory each time";
        if (failures.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        failures.addAll(evidence);
        return ProbeOutcome.fail(action, failures);
    }

    private static void check(String when, Path directory, List<String> evidence, List<String> failures)
            throws Exception {
        Set<PosixFilePermission> dirMode = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
        if (!dirMode.equals(DIRECTORY)) {
            failures.add(when + ": directory " + directory.getFileName() + " is " + PosixFilePermissions.toString(dirMode)
                    + ", expected rwx------");
        }
        int files = 0;
        try (Stream<Path> list = Files.list(directory)) {
            for (Path f : (Iterable<Path>) list::iterator) {
                files++;
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
                if (!mode.equals(FILE)) {
                    failures.add(when + ": " + f.getFileName() + " is " + PosixFilePermissions.toString(mode)
                            + ", expected rw-------");
                }
            }
        }
        evidence.add(when + ": directory " + PosixFilePermissions.toString(dirMode) + ", " + files + " files checked");
    }

    private static Object identity(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
