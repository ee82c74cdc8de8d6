package dev.oktyv.profiles.flame;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Collapsed stacks, one {@code root;...;leaf weight} line per distinct stack, sorted, newline-terminated. */
public final class CollapsedConverter extends ProfileConverter {

    @Override
    public void write(StackProfile profile, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder(256);
        for (Map.Entry<List<String>, Long> e : profile.stacks().entrySet()) {
            line.setLength(0);
            for (String f : e.getKey()) {
                if (line.length() > 0) {
                    line.append(';');
                }
                // ';' separates frames and a newline ends the stack: neither may appear inside a frame name.
                line.append(f.replace(';', ':').replace('\n', ' '));
            }
            line.append(' ').append(e.getValue()).append('\n');
            w.write(line.toString());
        }
        w.flush();
    }
}
