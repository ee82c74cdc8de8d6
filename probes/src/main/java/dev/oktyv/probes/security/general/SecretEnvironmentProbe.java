package dev.oktyv.probes.security.general;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * No secret sits in an environment variable of the process: any child process, crash dump or /proc reader sees
 * it. A variable counts when its name says secret and it has a value, or when its value looks like a key or token
 * whatever its name. Evidence names the variable and why, never the value.
 */
public final class SecretEnvironmentProbe implements SecurityProbe {

    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw(or)?d|passphrase|secret|token|api_?key|private_?key|access_?key|credential|auth).*");
    /** Names that match the pattern above but hold no secret. */
    static final Pattern HARMLESS_NAME = Pattern.compile("(?i).*(_file|_path|_dir|_url|_uri|_host|_port|_user)$");

    @Override
    public String id() {
        return "general.secret-environment";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.GENERAL;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public String title() {
        return "No secret-looking environment variables are visible to the process";
    }

    @Override
    public String fix() {
        return "Keep secrets in the vault or a 0600 file and pass only its path; unset the variables before start";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) {
        Optional<EnvironmentTarget> t = target.get(EnvironmentTarget.class);
        if (t.isEmpty()) {
            return ProbeOutcome.notRun("no environment target configured");
        }
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(t.get().variables()).entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.isBlank()) {
                continue;
            }
            Optional<String> kind = SecretPatterns.kindOf(value);
            if (kind.isPresent()) {
                hits.add(name + ": value looks like " + kind.get());
            } else if (SECRET_NAME.matcher(name).matches() && !HARMLESS_NAME.matcher(name).matches()) {
                hits.add(name + ": secret-named variable with a " + value.length() + "-character value");
            }
        }
        String action = "scanned the names and values of " + t.get().variables().size()
                + " environment variables visible to the process";
        return hits.isEmpty() ? ProbeOutcome.pass(action, List.of("none is secret-named or holds a key or token"))
                : ProbeOutcome.fail(action, hits);
    }
}
