package dev.oktyv.bench.load.http;

import dev.oktyv.bench.load.executor.Outcome;
import dev.oktyv.bench.load.executor.Pacer;
import dev.oktyv.bench.load.recording.RunRecorder;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One event-loop thread driving many keep-alive connections in a closed loop at maximum rate, wrk-style: a
 * selector, non-blocking channels, the next request written as soon as the previous response is complete. Used for
 * the closed model without think time, where thread-per-connection spends its CPU on context switches once the
 * connections outnumber the cores (see docs/load.md for the measurement).
 */
final class MultiplexedHttpLoop implements Runnable {

    private final HttpRequestSpec spec;
    private final InetSocketAddress address;
    private final byte[] request;
    private final int connections;
    private final Pacer pacer;
    private final RunRecorder recorder;
    private final long originNanoTime;
    private final long endNanoTime;
    private final long timeoutNanos;

    MultiplexedHttpLoop(HttpRequestSpec spec, int connections, Pacer pacer, RunRecorder recorder, long originNanoTime,
                        long endNanoTime) {
        this.spec = spec;
        this.address = new InetSocketAddress(spec.uri().getHost(), spec.port());
        this.request = spec.encode();
        this.connections = connections;
        this.pacer = pacer;
        this.recorder = recorder;
        this.originNanoTime = originNanoTime;
        this.endNanoTime = endNanoTime;
        this.timeoutNanos = spec.timeout().toNanos();
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            List<Conn> conns = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Conn c = new Conn(selector);
                c.openChannel(); // before the origin: socket set-up is not part of the first operation
                conns.add(c);
            }
            pacer.awaitNanoTime(originNanoTime);
            conns.forEach(Conn::start);
            while (!Thread.currentThread().isInterrupted()) {
                boolean busy = false;
                for (Conn c : conns) {
                    busy |= c.busy;
                }
                if (!busy && pacer.nanoTime() >= endNanoTime) {
                    break;
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Conn) key.attachment()).onReady(key);
                }
                selector.selectedKeys().clear();
                long now = pacer.nanoTime();
                for (Conn c : conns) {
                    if (c.busy && now - c.startNanos > timeoutNanos) {
                        c.fail(new SocketTimeoutException("read timeout " + spec.timeout().toMillis() + "ms"));
                    }
                }
            }
            conns.forEach(Conn::close);
        } catch (IOException e) {
            throw new IllegalStateException("event loop failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection's state machine: connect, write, read, record, repeat. */
    private final class Conn {
        private final Selector selector;
        private final ByteBuffer out = ByteBuffer.wrap(request);
        private final ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
        private final ResponseParser parser = new ResponseParser(spec.method().equals("HEAD"));
        private SocketChannel channel;
        private SelectionKey key;
        private boolean busy;
        private long startNanos;

        Conn(Selector selector) {
            this.selector = selector;
        }

        /** Begins the next operation, or does nothing once the measured time is over. */
        void start() {
            long now = pacer.nanoTime();
            if (now >= endNanoTime) {
                busy = false;
                close();
                return;
            }
            busy = true;
            startNanos = now;
            try {
                if (channel == null) {
                    openChannel();
                }
                if (!channel.isConnected()) {
                    if (!channel.connect(address)) {
                        key.interestOps(SelectionKey.OP_CONNECT);
                        return;
                    }
                }
                send();
            } catch (IOException e) {
                fail(e);
            }
        }

        void openChannel() throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = channel.register(selector, 0, this);
        }

        private void send() throws IOException {
            parser.reset();
            out.rewind();
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void onReady(SelectionKey k) {
            try {
                if (!k.isValid()) {
                    return;
                }
                if (k.isConnectable()) {
                    if (channel.finishConnect()) {
                        send();
                    }
                } else if (k.isWritable()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                } else if (k.isReadable()) {
                    in.clear();
                    int n = channel.read(in);
                    if (n < 0) {
                        if (parser.onEndOfStream()) {
                            complete();
                        } else {
                            fail(new EOFException("connection closed before the response was complete"));
                        }
                        return;
                    }
                    in.flip();
                    if (parser.feed(in)) {
                        complete();
                    }
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        private void complete() {
            long end = pacer.nanoTime();
            int status = parser.status();
            Outcome o = status >= 200 && status < 400 ? Outcome.OK : Outcome.httpStatus(status);
            recorder.record(startNanos >= recorder.measuredStartNanoTime(), startNanos, startNanos, end, o);
            if (parser.closeAfter()) {
                close();
            }
            start();
        }

        void fail(Exception e) {
            recorder.record(startNanos >= recorder.measuredStartNanoTime(), startNanos, startNanos, pacer.nanoTime(),
                    Outcome.of(e));
            close();
            start();
        }

        void close() {
            if (channel != null) {
                try {
                    key.cancel();
                    channel.close();
                } catch (IOException e) {
                    // A broken channel: nothing more to learn from it.
                }
                channel = null;
                key = null;
            }
        }
    }
}
