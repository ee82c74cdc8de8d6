package dev.oktyv.profiles.jfr;

import jdk.jfr.Recording;

/**
 * A JFR recording with the suite's settings that runs through a benchmark's warm-up and is then thrown away.
 *
 * <p>Why: the first recording in a JVM starts JFR itself, which loads and compiles the recorder and its event
 * classes and keeps a core busy for about a second. Started at the first measurement iteration, that cost landed
 * in the score: on {@code VaultOperationsBenchmark.get} the first measured iteration with {@code --profile jfr}
 * fell to 88k ops/s against 1.2M for the next ones. Recording through warm-up also lets the JIT compile the
 * benchmark with JFR's event instrumentation already active, as it will be while measuring. Nothing recorded
 * here is kept: {@link #discard} closes the recording without writing it.
 */
public final class WarmupRecording {

    private final Recording recording;

    private WarmupRecording(Recording recording) {
        this.recording = recording;
    }

    /**
     * Starts a recording with {@link OktyvJfc}'s settings. To disk, like the measured recording: starting a disk
     * recording next to an in-memory one flushes the in-memory buffers into the new recording's first chunk, and
     * warm-up samples would end up in the kept file. With both on disk, JFR begins a new chunk when the measured
     * recording starts, and the warm-up events stay in the chunk before it, which is deleted on close.
     */
    public static WarmupRecording start() {
        Recording r = new Recording(OktyvJfc.configuration());
        r.setName("oktyv warm-up (discarded)");
        r.setToDisk(true);
        r.start();
        return new WarmupRecording(r);
    }

    /** Stops and closes the recording; its data is dropped. Safe to call twice. */
    public void discard() {
        recording.close();
    }

    /** True while the recording runs, for tests. */
    public boolean running() {
        return recording.getState() == jdk.jfr.RecordingState.RUNNING;
    }
}
