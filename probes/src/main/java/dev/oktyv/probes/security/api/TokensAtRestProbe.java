package dev.oktyv.probes.security.api;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.DiskScan;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.api.oauth.OAuthToken;
import dev.oktyv.system.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth access and refresh tokens are encrypted at rest: the probe stores known tokens through the engine's token
 * persistence, closes it, scans every byte left on disk for them in plain, Base64, hex and UTF-16, then reopens the
 * store and reads them back (a store that persists nothing cannot pass: it would lose the tokens on restart).
 */
public final class TokensAtRestProbe implements SecurityProbe {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKENS = 3;

    @Override
    public String id() {
        return "api.oauth-tokens-encrypted-at-rest";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.API;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "Stored OAuth access and refresh tokens are encrypted at rest and survive a restart";
    }

    @Override
    public String fix() {
        return "Persist tokens through VaultTokenStore (AES-256-GCM in the vault), never as JSON or properties files";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<TokenStoreTarget> stores = target.get(TokenStoreTarget.class);
        if (stores.isEmpty()) {
            return ProbeOutcome.notRun("no token store target configured");
        }
        Files.createDirectories(target.scratchDir());
        Path dir = Files.createTempDirectory(target.scratchDir(), "oauth-at-rest-").resolve("store");
        Map<String, String> searched = new LinkedHashMap<>();
        Instant expiry = target.clock().instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (TokenStoreTarget.OpenTokenStore store = stores.get().open(dir)) {
            for (int i = 0; i < TOKENS; i++) {
                String access = random("access");
                String refresh = random("refresh");
                searched.put("access token #" + i, access);
                searched.put("refresh token #" + i, refresh);
                store.put("client-" + i, new OAuthToken(Secret.of(access), Optional.of(Secret.of(refresh)), expiry,
                        "Bearer", "probe"));
            }
        }
        String action = "stored " + TOKENS + " access/refresh token pairs through the " + stores.get().description()
                + ", closed it, scanned every file it left, reopened it and read the tokens back";
        List<String> evidence = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (TokenStoreTarget.OpenTokenStore store = stores.get().open(dir)) {
            for (int i = 0; i < TOKENS; i++) {
                Optional<OAuthToken> back = store.get("client-" + i);
                boolean same = back.isPresent()
                        && back.get().accessToken().revealAsString().equals(searched.get("access token #" + i))
                        && back.get().refreshToken().map(Secret::revealAsString)
                                .equals(Optional.of(searched.get("refresh token #" + i)));
                if (!same) {
                    unreadable.add("client-" + i);
                }
            }
        }
        DiskScan scan = DiskScan.of(dir.getParent(), searched);
        evidence.add(scan.summary() + " for " + searched.size() + " tokens");
        if (scan.files() == 0) {
            evidence.add("the store left no file on disk: tokens would not survive a restart");
        }
        if (!unreadable.isEmpty()) {
            evidence.add("tokens of " + unreadable + " did not read back after reopening, so the scan proves nothing");
        }
        evidence.addAll(scan.leaks());
        if (scan.files() == 0 || !unreadable.isEmpty() || !scan.leaks().isEmpty()) {
            return ProbeOutcome.fail(action, evidence);
        }
        evidence.add("no token found in any encoding; all tokens read back after reopening");
        return ProbeOutcome.pass(action, evidence);
    }

    /** Long and random: its Base64 and hex forms cannot turn up in ciphertext by chance. */
    private static String random(String label) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "oktyv-" + label + "-" + HexFormat.of().formatHex(b);
    }
}
