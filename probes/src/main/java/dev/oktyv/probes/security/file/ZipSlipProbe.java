package dev.oktyv.probes.security.file;

import dev.oktyv.probes.security.ProbeOutcome;
import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.probes.security.SecurityTarget;
import dev.oktyv.probes.security.leak.Printable;
import dev.oktyv.results.security.SecurityCategory;
import dev.oktyv.results.security.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extracts archives whose entry names climb out of the destination ({@code ../}, backslashes, absolute, a climb
 * hidden behind a directory, encoded forms). Refusing the archive or confining the entry are both fine; a file
 * appearing outside the root, or the sentinel being overwritten, is the finding.
 */
public final class ZipSlipProbe implements SecurityProbe {

    @Override
    public String id() {
        return "file.zip-slip";
    }

    @Override
    public SecurityCategory category() {
        return SecurityCategory.FILE;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public String title() {
        return "Zip entries named '../…', absolute or encoded cannot write outside the extraction directory";
    }

    @Override
    public String fix() {
        return "Resolve every entry name against the destination, refuse names that leave it, and extract into a "
                + "staging directory renamed into place only when every entry passed";
    }

    @Override
    public ProbeOutcome run(SecurityTarget target) throws Exception {
        Optional<FileTarget> files = target.get(FileTarget.class);
        if (files.isEmpty()) {
            return ProbeOutcome.notRun("no file target configured");
        }
        Arena arena = Arena.create(target.scratchDir(), id());
        FileEngine engine = files.get().open(arena.root, FileLimits.small());
        String parent = arena.base.getFileName().toString();
        List<String> names = List.of("../../outside/slip.txt", "../../outside/sentinel.txt",
                "../../../" + parent + "/outside/slip.txt", arena.outside.resolve("slip-abs.txt").toString(),
                "..\\..\\outside\\slip.txt", "ok/../../../outside/slip.txt", "%2e%2e/%2e%2e/outside/slip.txt",
                "\uFF0E\uFF0E/\uFF0E\uFF0E/outside/slip.txt", "dest/../../outside/slip.txt", "./../../outside/slip.txt");
        List<String> escapes = new ArrayList<>();
        int refused = 0;
        int i = 0;
        for (String name : names) {
            String zip = "slip" + i + ".zip";
            Files.write(arena.root.resolve(zip), Zips.single(name,
                    ("zip-slip payload " + i).getBytes(StandardCharsets.US_ASCII)));
            try {
                engine.extract(zip, "out" + i);
            } catch (RuntimeException e) {
                refused++;
            }
            List<String> changes = arena.outsideChanges();
            if (!changes.isEmpty()) {
                escapes.add("entry '" + Printable.of(name) + "': " + String.join("; ", changes));
                arena.restoreOutside();
            }
            i++;
        }
        String action = "extracted " + names.size() + " archives with climbing entry names through "
                + files.get().description();
        List<String> evidence = new ArrayList<>();
        evidence.add(names.size() + " archives, " + refused + " refused, " + escapes.size() + " wrote outside the root");
        if (escapes.isEmpty()) {
            return ProbeOutcome.pass(action, evidence);
        }
        escapes.addAll(evidence);
        return ProbeOutcome.fail(action, escapes);
    }
}
