package dev.oktyv.system.email;

import dev.oktyv.system.api.UrlPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where and how to connect. Defaults: port 587, {@link TlsMode#STARTTLS_REQUIRED}, the JVM's trust store,
 * no login, 10 s connect and 30 s read/write timeouts.
 *
 * @param sslContext explicit trust (e.g. a test server's certificate); empty = the JVM default
 */
public record SmtpSettings(String host, int port, TlsMode tlsMode, Optional<SSLContext> sslContext,
                           Optional<SmtpCredentials> credentials, Duration connectTimeout, Duration ioTimeout) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsMode, "tlsMode");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(credentials, "credentials");
        if (host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new InvalidEmailException("SMTP host " + HeaderGuard.quote(host) + " is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidEmailException("SMTP port must be in [1, 65535], was " + port);
        }
        if (tlsMode == TlsMode.NONE_LOOPBACK_ONLY && !UrlPolicy.isLoopback(host)) {
            throw new InvalidEmailException("TLS can only be disabled for a loopback SMTP host, not '" + host + "'");
        }
        positive("connectTimeout", connectTimeout);
        positive("ioTimeout", ioTimeout);
    }

    public static Builder builder(String host) {
        return new Builder(host);
    }

    private static void positive(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidEmailException(field + " must be positive and below 24 days, was " + d);
        }
    }

    public static final class Builder {
        private final String host;
        private int port = 587;
        private TlsMode tlsMode = TlsMode.STARTTLS_REQUIRED;
        private SSLContext sslContext;
        private SmtpCredentials credentials;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration ioTimeout = Duration.ofSeconds(30);

        private Builder(String host) {
            this.host = host;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder tlsMode(TlsMode mode) {
            tlsMode = Objects.requireNonNull(mode, "tlsMode");
            return this;
        }

        public Builder sslContext(SSLContext context) {
            sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        public Builder credentials(SmtpCredentials value) {
            credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        public Builder timeouts(Duration connect, Duration io) {
            connectTimeout = connect;
            ioTimeout = io;
            return this;
        }

        public SmtpSettings build() {
            return new SmtpSettings(host, port, tlsMode, Optional.ofNullable(sslContext),
                    Optional.ofNullable(credentials), connectTimeout, ioTimeout);
        }
    }
}
