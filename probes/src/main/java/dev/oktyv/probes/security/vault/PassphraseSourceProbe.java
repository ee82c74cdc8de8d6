package dev.oktyv.probes.security.vault;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the master passphrase comes from. An environment variable is a finding (every process of the user, {@code
 * /proc/<pid>/environ}, crash reports and child processes see it); so is a file others can read. A prompt, a
 * passphrase generated in memory, the OS keychain, or a 0600/0400 file are fine. The evidence also says whether this
 * platform offers a keychain.
 */
public final class PassphraseSourceProbe implements SecurityProbe {

    @Override
    public String id() {
        return "vault.passphrase-source";
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
        return "The master passphrase comes from a prompt, the keychain or an owner-only file, not the environment";
    }

    @Override
    public String fix() {
        return "Read the passphrase from a 0600 file, a prompt or the OS keychain; unset passphrase environment "
                + "variables";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<VaultTarget> vaults = target.get(VaultTarget.class);
        if (vaults.isEmpty()) {
            return ProbeOutcome.notRun("no vault target configured");
        }
        PassphraseOrigin origin = vaults.get().passphraseOrigin();
        List<String> evidence = new ArrayList<>();
        String action = "inspected the passphrase source of " + vaults.get().description() + ": " + origin.kind();
        boolean ok = switch (origin.kind()) {
            case PROMPT, GENERATED_IN_MEMORY, KEYCHAIN -> {
                evidence.add("passphrase source " + origin.kind() + ": not stored where other processes can read it");
                yield true;
            }
            case ENVIRONMENT_VARIABLE -> {
                evidence.add("passphrase read from environment variable " + origin.location().orElseThrow()
                        + ": visible in /proc/<pid>/environ to the user's processes, inherited by children");
                yield false;
            }
            case FILE -> checkFile(Path.of(origin.location().orElseThrow()), evidence);
        };
        evidence.add("keychain: " + keychainStatus());
        return ok ? ProbeOutcome.pass(action, evidence) : ProbeOutcome.fail(action, evidence);
    }

    private static boolean checkFile(Path file, List<String> evidence) throws Exception {
        if (!Files.isRegularFile(file)) {
            evidence.add("passphrase file " + file + " does not exist or is not a regular file");
            return false;
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            evidence.add("passphrase file " + file + ": no POSIX permissions on this file system; ACLs not read");
            return true;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        boolean others = mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)
                || mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE);
        evidence.add("passphrase file " + file + " is " + PosixFilePermissions.toString(mode)
                + (others ? ": others can read or replace it" : ": owner only"));
        return !others;
    }

    /** Whether this platform has a keychain the engine could use; the engine itself has no keychain source yet. */
    static String keychainStatus() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macOS Keychain available on this platform; the vault engine has no keychain source yet";
        }
        if (os.contains("win")) {
            return "Windows Credential Manager available on this platform; the vault engine has no keychain source yet";
        }
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || bus.isBlank()) {
            return "not applicable: no Secret Service on this host (no D-Bus session bus, DBUS_SESSION_BUS_ADDRESS unset)";
        }
        return "a D-Bus session bus is present, so a Secret Service may be; the vault engine has no keychain source yet";
    }
}
