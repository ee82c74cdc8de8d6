package dev.oktyv.system.tls;

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
 * A self-signed certificate for localhost / 127.0.0.1, generated once per test JVM with the JDK's keytool into a
 * temporary PKCS12 file. Servers use {@link #serverContext()}; clients trust it explicitly through
 * {@link #clientContext()}, never through a trust-all manager, so hostname and chain checks stay on.
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "changeit".toCharArray();
    private static Path keystore;

    private TestCertificates() {
    }

    public static synchronized Path keystore() {
        if (keystore == null) {
            try {
                Path dir = Files.createTempDirectory("oktyv-tls");
                Path file = dir.resolve("localhost.p12");
                String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
                Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "localhost",
                        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                        "-keystore", file.toString(), "-storetype", "PKCS12",
                        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                        .redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                keystore = file;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot generate test certificate", e);
            }
        }
        return keystore;
    }

    public static KeyStore load() {
        try (InputStream in = Files.newInputStream(keystore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load test keystore", e);
        }
    }

    public static SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(), PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
