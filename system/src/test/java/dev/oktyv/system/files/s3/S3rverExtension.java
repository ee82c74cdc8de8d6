package dev.oktyv.system.files.s3;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link S3rver} for the whole test run (kept in the root store, closed by JUnit at the end) and
 * injects it. When it cannot be installed or started (no node/npm, offline) every test of the class is skipped
 * with the reason, never passed.
 */
public final class S3rverExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(S3rverExtension.class);

    private record Started(S3rver server, String failure) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Started s = started(context);
        Assumptions.assumeTrue(s.server() != null, () -> "S3 tests skipped: s3rver cannot start: " + s.failure());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == S3rver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return started(e).server();
    }

    private static Started started(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Started.class, k -> {
            try {
                return new Started(S3rver.start(), null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return new Started(null, e.getMessage());
            }
        }, Started.class);
    }
}
