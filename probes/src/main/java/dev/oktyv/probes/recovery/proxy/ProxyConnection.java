package dev.oktyv.probes.recovery.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** One client connection and its upstream socket, with one pump thread per direction. */
final class ProxyConnection {

    private static final int CHUNK_BYTES = 32 * 1024;

    private final FaultProxy proxy;
    private final Socket client;
    private final Socket upstream;
    private final Link upLink;
    private final Link downLink;
    /** Whether each toxic acts on this connection, decided once with the toxic's toxicity. */
    private final Map<Toxic, Boolean> applies = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    ProxyConnection(FaultProxy proxy, Socket client, Socket upstream) {
        this.proxy = proxy;
        this.client = client;
        this.upstream = upstream;
        this.upLink = proxy.newLink(this, ToxicDirection.UPSTREAM);
        this.downLink = proxy.newLink(this, ToxicDirection.DOWNSTREAM);
    }

    void start(int number) {
        pump("oktyv-proxy-" + number + "-up", client, upstream, upLink).start();
        pump("oktyv-proxy-" + number + "-down", upstream, client, downLink).start();
    }

    /** Attaches a toxic that was just added (or present when the connection opened), if the dice say so. */
    void attach(Toxic toxic) {
        if (applies(toxic)) {
            toxic.attach(link(toxic.stream()));
        }
    }

    void detach(Toxic toxic) {
        link(toxic.stream()).detach(toxic);
        applies.remove(toxic);
    }

    boolean isClosed() {
        return closed.get();
    }

    void close(boolean reset) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Socket s : List.of(client, upstream)) {
            try {
                if (reset) {
                    // SO_LINGER 0 makes close() send RST instead of FIN: the peer sees "connection reset".
                    s.setSoLinger(true, 0);
                }
                s.close();
            } catch (IOException ignored) {
                // Already closed by the other side: nothing left to cut.
            }
        }
        proxy.forget(this);
    }

    private boolean applies(Toxic toxic) {
        return applies.computeIfAbsent(toxic, t -> upLink.nextUnit() < t.toxicity());
    }

    private Link link(ToxicDirection direction) {
        return direction == ToxicDirection.UPSTREAM ? upLink : downLink;
    }

    private Thread pump(String name, Socket from, Socket to, Link link) {
        Thread t = new Thread(() -> {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[CHUNK_BYTES];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (n == 0) {
                        continue;
                    }
                    List<Toxic> chain = proxy.toxics().stream()
                            .filter(x -> x.stream() == link.direction() && applies(x)).toList();
                    new Chain(chain, 0, link, out).write(Arrays.copyOf(buffer, n));
                }
                close(false);
            } catch (IOException e) {
                close(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close(false);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** The toxics of one direction in the order they were added, ending at the destination socket. */
    private record Chain(List<Toxic> toxics, int index, Link link, OutputStream out) implements Toxic.ChunkSink {
        @Override
        public void write(byte[] chunk) throws IOException, InterruptedException {
            if (index == toxics.size()) {
                out.write(chunk);
                out.flush();
            } else {
                toxics.get(index).transmit(chunk, link, new Chain(toxics, index + 1, link, out));
            }
        }
    }
}
