import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The control of the /health tail-latency experiment (docs/monitoring-and-service.md, "Tail latency of /health"):
 * an HTTP/1.1 responder that does nothing. One thread, one selector, keep-alive connections, a fixed 200 answer of
 * the size of the service's /health answer for every request head. Run the load generator against it at the same
 * rate as against the service: whatever tail remains is the generator's and the shared cores', not the service's.
 *
 * <p>Run: {@code java scripts/NullResponder.java [seconds] [bodyBytes]} (source launcher, no build). Listens on an
 * ephemeral loopback port (printed), stops by itself after {@code seconds} (default 120), never binds elsewhere.
 * Pipelined heads are answered in order; bodies are not supported (a load test of GETs sends none).
 */
public final class NullResponder {

    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
        int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 180;
        if (seconds < 1 || seconds > 3600 || bodyBytes < 0 || bodyBytes > 65536) {
            System.err.println("usage: java NullResponder.java [seconds 1..3600] [bodyBytes 0..65536]");
            System.exit(2);
        }
        byte[] body = "x".repeat(bodyBytes).getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer answer = ByteBuffer.allocateDirect(head.length + body.length).put(head).put(body).flip();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("null responder listening on http://127.0.0.1:"
                    + ((InetSocketAddress) server.getLocalAddress()).getPort() + " for " + seconds + " s");
            System.out.flush();
            ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
            while (System.nanoTime() < end) {
                selector.select(100);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isAcceptable()) {
                        SocketChannel c = server.accept();
                        if (c != null) {
                            c.configureBlocking(false);
                            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            c.register(selector, SelectionKey.OP_READ, new int[1]);
                        }
                    } else if (key.isReadable()) {
                        serve((SocketChannel) key.channel(), (int[]) key.attachment(), in, answer);
                    }
                }
            }
        }
    }

    /** Counts the heads in what arrived (CRLFCRLF, tracked across reads in {@code state}) and answers each. */
    private static void serve(SocketChannel c, int[] state, ByteBuffer in, ByteBuffer answer) {
        try {
            in.clear();
            int n = c.read(in);
            if (n < 0) {
                c.close();
                return;
            }
            int heads = 0;
            for (int i = 0; i < n; i++) {
                byte b = in.get(i);
                int s = state[0];
                // 0: in a line, 1: CR, 2: CRLF, 3: CRLF CR; a LF after state 3 ends the head.
                state[0] = b == '\r' ? (s == 2 ? 3 : 1) : b == '\n' ? (s == 1 ? 2 : s == 3 ? 0 : 0) : 0;
                if (b == '\n' && s == 3) {
                    heads++;
                }
            }
            for (int h = 0; h < heads; h++) {
                ByteBuffer a = answer.duplicate();
                while (a.hasRemaining()) {
                    c.write(a); // answers are small: the socket buffer takes them at once
                }
            }
        } catch (IOException e) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing to do
            }
        }
    }
}
