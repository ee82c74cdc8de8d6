package dev.oktyv.probes.security.s3;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.results.security.Severity;
import dev.oktyv.system.files.FileStore;
import dev.oktyv.system.secret.Secret;
import dev.oktyv.system.secret.SecretReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S3 credentials come from the vault and from nowhere else, and never show: the configured sources must be
 * {@code vault:} references; neither the process environment nor the system properties may hold the key values
 * (where the SDK's default chain, and anyone who can read {@code /proc/<pid>/environ}, would find them); and the
 * store's {@code toString} and the messages of its failures (a missing object, a traversal refusal) must not
 * contain them.
 */
public final class S3CredentialsProbe extends S3Probe {

    @Override
    public String id() {
        return "file.s3-credentials";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public String title() {
        return "S3 credentials come only from the vault and appear in no environment, property, text or message";
    }

    @Override
    public String fix() {
        return "Configure accessKeyId and secretAccessKey as vault: references; never pass keys by env, -D or URL";
    }

    @Override
    ProbeOutcome attack(S3Target s3, String base) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String source : s3.credentialSources()) {
            if (SecretReference.parse(source).isEmpty()) {
                failures.add("a credential is configured other than as a vault: reference");
            }
        }
        List<String> texts = new ArrayList<>();
        FileStore store = s3.open(Optional.empty(), base);
        try {
            texts.add("toString: " + store);
            for (Runnable failing : List.<Runnable>of(() -> store.read("no-such-object.bin"),
                    () -> store.read("../outside.bin"), () -> store.stat("no-such-object.bin"))) {
                try {
                    failing.run();
                    failures.add("an operation that must fail (a missing object or a traversal) succeeded");
                } catch (RuntimeException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        texts.add("exception message: " + t.getMessage());
                    }
                }
            }
        } finally {
            close(store);
        }
        List<Secret> values = s3.credentialValues();
        try {
            int i = 0;
            for (Secret value : values) {
                String name = i++ == 0 ? "access key id" : "secret access key";
                String v = value.revealAsString();
                if (v.isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                    if (e.getValue().contains(v)) {
                        failures.add("the " + name + " is in environment variable " + e.getKey());
                    }
                }
                for (String key : System.getProperties().stringPropertyNames()) {
                    if (System.getProperty(key, "").contains(v)) {
                        failures.add("the " + name + " is in system property " + key);
                    }
                }
                for (String text : texts) {
                    if (text != null && text.contains(v)) {
                        failures.add("the " + name + " is in the store's " + text.substring(0, text.indexOf(':')));
                    }
                }
            }
        } finally {
            values.forEach(Secret::destroy);
        }
        String action = "checked the credential sources of " + s3.description() + ", the environment, the system "
                + "properties, the store's toString and " + (texts.size() - 1) + " exception messages";
        return failures.isEmpty()
                ? ProbeOutcome.pass(action, List.of(s3.credentialSources().size() + " sources, all vault references",
                        "no credential value in the environment, system properties, toString or messages"))
                : ProbeOutcome.fail(action, failures.stream().distinct().toList());
    }
}
