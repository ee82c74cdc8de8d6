package dev.oktyv.probes.security.vault;

import dev.oktyv.system.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The AAD-binding half of {@link AeadParametersProbe}: unchanged ciphertexts presented under another vault name, another
 * key name and in another position. Each must be refused on open; one that opens means that part of the context is
 * not authenticated.
 */
final class AadBinding {

    private AadBinding() {
    }

    static void check(VaultEngine engine, Secret passphrase, List<String> evidence, List<String> failures)
            throws Exception {
        try (VaultSession s = engine.create("bind", passphrase)) {
            s.set("key-a", Secret.of(VaultProbeSupport.randomSecret("bind-a")));
            s.set("key-b", Secret.of(VaultProbeSupport.randomSecret("bind-b")));
        }
        byte[] original = Files.readAllBytes(engine.file("bind"));
        VaultFileLayout layout = VaultFileLayout.parse(original);
        VaultFileLayout.Record a = layout.records().get(0);
        VaultFileLayout.Record b = layout.records().get(1);

        // Vault binding: the same file under another name opens with the same passphrase and salt, so the key is the
        // same; only the vault name in the AAD can tell.
        Path renamed = engine.file("bind-copy");
        Files.copy(engine.file("bind"), renamed, StandardCopyOption.REPLACE_EXISTING);
        expectRefused(engine, "bind-copy", passphrase, "the file copied to vault name 'bind-copy'", evidence, failures);

        // Key binding: key-a's record relabelled key-b (same length, so the framing stays valid).
        byte[] relabelled = original.clone();
        relabelled[a.offset() + 6 + 4] = 'b';
        Files.write(engine.file("bind"), relabelled);
        expectRefused(engine, "bind", passphrase, "key-a's record relabelled 'key-b'", evidence, failures);

        // Position binding: the two records swapped (same length, so each lands on the other's boundary).
        byte[] swapped = original.clone();
        if (a.length() == b.length()) {
            System.arraycopy(original, b.offset(), swapped, a.offset(), b.length());
            System.arraycopy(original, a.offset(), swapped, b.offset(), a.length());
            Files.write(engine.file("bind"), swapped);
            expectRefused(engine, "bind", passphrase, "the first two records swapped", evidence, failures);
        } else {
            failures.add("could not test position binding: the two records differ in length");
        }
        Files.write(engine.file("bind"), original);
    }

    private static void expectRefused(VaultEngine engine, String vault, Secret passphrase, String what,
                                      List<String> evidence, List<String> failures) {
        try (VaultSession s = engine.open(vault, passphrase)) {
            failures.add(what + ": opened without error; that context is not bound into the AAD");
        } catch (RuntimeException e) {
            evidence.add(what + ": refused (" + VaultProbeSupport.firstLine(e) + ")");
        }
    }
}
