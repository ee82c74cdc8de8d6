package dev.oktyv.profiles.calibration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line of the recording generators ({@link LongRecording}, {@link DeepStackRecording}):
 * {@code OUT.jfr [MEGABYTES]}. Bad input prints one line and exits 2; an existing file is never overwritten,
 * since it may be an earlier measurement's input.
 */
record RecordingTarget(Path out, long bytes) {

    static RecordingTarget parse(String program, String[] args, long defaultMegabytes) {
        if (args.length < 1) {
            System.err.println("usage: " + program + " OUT.jfr [MEGABYTES]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long megabytes = defaultMegabytes;
        if (args.length > 1) {
            try {
                megabytes = Long.parseLong(args[1]);
            } catch (NumberFormatException e) {
                megabytes = -1;
            }
            if (megabytes < 1 || megabytes > 100_000) {
                System.err.println("error: MEGABYTES must be a whole number from 1 to 100000, was '" + args[1] + "'");
                System.exit(2);
            }
        }
        if (Files.exists(out)) {
            System.err.println("error: " + out + " already exists");
            System.exit(2);
        }
        return new RecordingTarget(out, megabytes * 1024 * 1024);
    }
}
