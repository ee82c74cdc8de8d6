package dev.oktyv.probes.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed certificate for 127.0.0.1 made with the JDK's keytool (the JDK has no public API to make
 * one), so the API probes and the API benchmark go through the client's real TLS path (explicit trust, hostname
 * verification on) without a checked-in private key. The key store file is deleted as soon as it is loaded. One
 * class for the security probes, the recovery probes and the benchmarks (it was written three times).
 */
public record LoopbackTls(SSLContext server, SSLContext client) {

    private static final char[] PASSWORD = "oktyv-loopback".toCharArray();
    private static LoopbackTls shared;

    /** One certificate per process: keytool takes about a second, and the probes need no more than one. */
    public static synchronized LoopbackTls shared() throws IOException, InterruptedException, GeneralSecurityException {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    public static LoopbackTls generate() throws IOException, InterruptedException, GeneralSecurityException {
        return generateIn(Files.createTempDirectory("oktyv-tls"));
    }

    /** Generates the key store in a fresh folder under {@code scratch} (a probe's own scratch directory). */
    public static LoopbackTls generate(Path scratch) throws IOException, InterruptedException, GeneralSecurityException {
        return generateIn(Files.createTempDirectory(scratch, "tls"));
    }

    private static LoopbackTls generateIn(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path file = dir.resolve("loopback.p12");
        try {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "loopback", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "1", "-keystore", file.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output.strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new LoopbackTls(server, client);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
