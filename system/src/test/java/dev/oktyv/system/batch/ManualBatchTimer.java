package dev.oktyv.system.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link BatchTimer} driven by the test: {@link #advance} runs the tasks that fell due, on the test thread. */
final class ManualBatchTimer implements BatchTimer {

    private final class Task implements Scheduled {
        final long dueNanos;
        final Runnable body;
        boolean cancelled;

        Task(long dueNanos, Runnable body) {
            this.dueNanos = dueNanos;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        Task t = new Task(nowNanos + delay.toNanos(), task);
        tasks.add(t);
        return t;
    }

    void advance(Duration d) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            nowNanos += d.toNanos();
            for (Task t : List.copyOf(tasks)) {
                if (t.dueNanos <= nowNanos) {
                    tasks.remove(t);
                    if (!t.cancelled) {
                        due.add(t);
                    }
                }
            }
        }
        due.forEach(t -> t.body.run());
    }

    synchronized long liveTasks() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}
