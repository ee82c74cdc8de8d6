package dev.oktyv.probes.security.service;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.oktyv.system.secret.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database routes of the service over a real in-memory H2, for {@link SqlInjectionRoutesProbe}'s tests. With
 * {@code concatenated} it builds SQL by string concatenation and answers SQL errors as 500 with the driver's message
 * (the weakness); without, it binds parameters and parses the id first, as the real service does.
 */
final class SqlItemService implements AutoCloseable {

    static final String TOKEN = "sql-item-service-token-0123456789";

    private final HttpServer server;
    private final Connection db;
    private final boolean concatenated;

    SqlItemService(boolean concatenated) throws IOException, SQLException {
        this.concatenated = concatenated;
        db = DriverManager.getConnection("jdbc:h2:mem:sqlprobe-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200), data VARCHAR(200))");
            s.execute("CREATE TABLE students (id INT)");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    ServiceTarget target() {
        return new ServiceTarget(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Secret.of(TOKEN));
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                WeakService.send(ex, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            try {
                if (ex.getRequestMethod().equals("POST") && path.equals("/db/items")) {
                    JsonObject in = JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(),
                            StandardCharsets.UTF_8)).getAsJsonObject();
                    WeakService.send(ex, 201, item(create(in.get("name").getAsString(), in.get("data").getAsString())));
                } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/db/items/")) {
                    String id = java.net.URLDecoder.decode(path.substring("/db/items/".length()),
                            StandardCharsets.UTF_8);
                    String found = find(id);
                    WeakService.send(ex, found == null ? 404 : 200, found == null ? "{\"error\":\"not_found\"}" : found);
                } else {
                    WeakService.send(ex, 404, "{\"error\":\"not_found\"}");
                }
            } catch (SQLException e) {
                WeakService.send(ex, 500, concatenated ? "{\"error\":\"" + e.getMessage().replace('"', '\'').replace('\n', ' ')
                        + "\"}" : "{\"error\":\"internal\"}");
            } catch (NumberFormatException e) {
                WeakService.send(ex, 400, "{\"error\":\"bad_request\"}");
            }
        }
    }

    private long create(String name, String data) throws SQLException {
        if (concatenated) {
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO items (name, data) VALUES ('" + name + "', '" + data + "')",
                        Statement.RETURN_GENERATED_KEYS);
                return generated(s.getGeneratedKeys());
            }
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO items (name, data) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setString(2, data);
            p.executeUpdate();
            return generated(p.getGeneratedKeys());
        }
    }

    private String find(String id) throws SQLException {
        if (concatenated) {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, name, data FROM items WHERE id = " + id)) {
                return rs.next() ? row(rs) : null;
            }
        }
        try (PreparedStatement p = db.prepareStatement("SELECT id, name, data FROM items WHERE id = ?")) {
            p.setLong(1, Long.parseLong(id));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private String item(long id) throws SQLException {
        return find(Long.toString(id));
    }

    private static long generated(ResultSet keys) throws SQLException {
        try (keys) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static String row(ResultSet rs) throws SQLException {
        JsonObject o = new JsonObject();
        o.addProperty("id", rs.getLong(1));
        o.addProperty("name", rs.getString(2));
        o.addProperty("data", rs.getString(3));
        return o.toString();
    }

    @Override
    public void close() throws SQLException {
        server.stop(0);
        db.close();
    }
}
