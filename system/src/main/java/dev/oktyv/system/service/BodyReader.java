package dev.oktyv.system.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while the client is slow, bounded in size and in time.
 *
 * <p>Why asynchronous: a blocking read parks a worker for as long as the client cares to wait, and a handful of
 * clients announcing large bodies and sending nothing then freeze the service for everyone (issue 13). Here a
 * thread is used only while bytes are there to copy; between chunks the request just registers interest.
 */
final class BodyReader {

    /** The outcome: exactly one of the three is called, once. */
    interface Sink {
        void body(byte[] body);

        void refused(ApiException error);

        /** The body did not arrive within the deadline or the connection failed; the connection is to be closed. */
        void abandoned(ApiException error);
    }

    private static final byte[] EMPTY = new byte[0];

    private final Scheduler scheduler;
    private final Duration deadline;
    private final long maxBodyBytes;

    BodyReader(Scheduler scheduler, Duration deadline, long maxBodyBytes) {
        this.scheduler = scheduler;
        this.deadline = deadline;
        this.maxBodyBytes = maxBodyBytes;
    }

    void read(Request request, Sink sink) {
        // The parser has already refused a malformed Content-Length; -1 means chunked or none.
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBodyBytes) {
            sink.refused(tooLarge()); // not read: the connection is closed after the answer
            return;
        }
        if (hasNoBody(request)) {
            sink.body(EMPTY);
            return;
        }
        new Reading(request, sink, declared).start();
    }

    /** HTTP/1.1: a zero length, or no length and no chunking, means no body (every GET of a load test). */
    static boolean hasNoBody(Request request) {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        return declared == 0 || (declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "request body exceeds " + maxBodyBytes + " bytes");
    }

    /** One body being read: the demand loop, the deadline, and a guard so that the sink hears once. */
    private final class Reading implements Runnable {
        private final Request request;
        private final Sink sink;
        private final ByteArrayOutputStream bytes;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Scheduler.Task timer;

        Reading(Request request, Sink sink, long declared) {
            this.request = request;
            this.sink = sink;
            this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), 64 * 1024));
        }

        void start() {
            timer = scheduler.schedule(this::expire, deadline);
            run();
        }

        private void expire() {
            finish(s -> s.abandoned(new ApiException(408, "request_timeout",
                    "request body not received within " + deadline.toMillis() + " ms")));
        }

        /** The demand loop: read what is there, then ask to be called again when more arrives. */
        @Override
        public void run() {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    finish(s -> s.abandoned(new ApiException(400, "bad_request", "request body could not be read")));
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                boolean over = bytes.size() + (long) b.remaining() > maxBodyBytes;
                if (!over) {
                    byte[] copy = new byte[b.remaining()];
                    b.get(copy);
                    bytes.write(copy, 0, copy.length);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (over) {
                    finish(s -> s.refused(tooLarge()));
                    return;
                }
                if (last) {
                    finish(s -> s.body(bytes.toByteArray()));
                    return;
                }
            }
        }

        private void finish(Consumer<Sink> outcome) {
            if (done.compareAndSet(false, true)) {
                if (timer != null) {
                    timer.cancel();
                }
                outcome.accept(sink);
            }
        }
    }
}
