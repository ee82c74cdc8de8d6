package dev.oktyv.probes.recovery.database;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * {@link DatabaseServers} on H2's TCP server ({@code org.h2.tools.Server}) with an in-memory database, plus the
 * PostgreSQL named by {@code OKTYV_PG_URL} when given. A real server process side means the proxy cuts a real
 * client/server protocol, which embedded H2 has none of.
 */
public final class H2TcpServers implements DatabaseServers {

    private final Optional<String> postgresUrl;

    public H2TcpServers(Optional<String> postgresUrl) {
        this.postgresUrl = postgresUrl;
    }

    /** H2 always, PostgreSQL when the environment variable {@code OKTYV_PG_URL} is set. */
    public static H2TcpServers fromEnvironment() {
        return new H2TcpServers(Optional.ofNullable(System.getenv("OKTYV_PG_URL")).filter(s -> !s.isBlank()));
    }

    static {
        // H2 listens on every interface unless told otherwise; the probes keep to loopback. The property is read
        // once, when H2 loads its settings, so it is set before the first server starts (unless the user set it).
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    @Override
    public Handle start() throws SQLException {
        // -ifNotExists lets the client create the in-memory database; the server listens on loopback only.
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        int port = h2.getPort();
        String db = "recovery" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<DatabaseServer> servers = new ArrayList<>();
        servers.add(new DatabaseServer("H2 (TCP server)",
                new InetSocketAddress(InetAddress.getLoopbackAddress().getHostAddress(), port),
                "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + db + ";DB_CLOSE_DELAY=-1"));
        postgresUrl.ifPresent(url -> servers.add(postgres(url)));
        return new Handle() {
            @Override
            public List<DatabaseServer> servers() {
                return List.copyOf(servers);
            }

            @Override
            public void close() {
                h2.stop();
            }
        };
    }

    static DatabaseServer postgres(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("OKTYV_PG_URL must start with jdbc:postgresql://, was '"
                    + url.replaceAll("password=[^&]*", "password=***") + "'");
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String host = uri.getHost();
        String direct = uri.getPort() < 0 ? url.replace("//" + host + "/", "//" + host + ":" + port + "/") : url;
        return new DatabaseServer("PostgreSQL", new InetSocketAddress(host, port), direct);
    }
}
