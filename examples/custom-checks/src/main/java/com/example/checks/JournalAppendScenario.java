package com.example.checks;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Load scenario: each worker appends records to its own journal (each append is forced to disk), so the
 * figures are the durable-write rate of "your system".
 */
public final class JournalAppendScenario implements Scenario {

    @Override
    public String id() {
        return "example-journal-append";
    }

    @Override
    public String description() {
        return "example plug-in: durable appends to a journal, one per worker";
    }

    @Override
    public int defaultConcurrency() {
        return 4;
    }

    @Override
    public Target open() throws IOException {
        Path dir = Files.createTempDirectory("example-journal-");
        AtomicInteger workers = new AtomicInteger();
        return new Target() {
            @Override
            public Session newSession() throws IOException {
                Journal journal = Journal.open(dir.resolve("worker-" + workers.incrementAndGet() + ".log"),
                        Journal.Recovery.VERIFY);
                byte[] record = TornWriteProbe.record(0);
                return new Session() {
                    @Override
                    public Outcome execute() throws IOException {
                        int before = journal.size();
                        journal.append(record);
                        return journal.size() == before + 1 ? Outcome.OK
                                : Outcome.of(new IllegalStateException("append did not add a record"));
                    }

                    @Override
                    public void close() throws IOException {
                        journal.close();
                    }
                };
            }

            @Override
            public void close() throws IOException {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        };
    }
}
