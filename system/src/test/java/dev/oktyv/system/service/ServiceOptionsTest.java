package dev.oktyv.system.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceOptionsTest {

    @Test
    void refusesNonLoopbackAndBadNumbersNamingTheValue() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThatThrownBy(() -> new ServiceOptions(any, 0, 4, 16, 16, 1024, CorsPolicy.DISABLED))
                .hasMessageContaining("loopback only").hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> ServiceOptions.defaults().withPort(70000)).hasMessageContaining("70000");
        assertThatThrownBy(() -> ServiceOptions.defaults().withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> ServiceOptions.defaults().withMaxBodyBytes(-1)).hasMessageContaining("-1");
        assertThat(ServiceOptions.defaults().bindAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void corsOriginsMustBeExactWithoutWildcard() {
        assertThatThrownBy(() -> new CorsPolicy(Set.of("*"))).hasMessageContaining("*");
        assertThatThrownBy(() -> new CorsPolicy(Set.of("https://ui.example/path"))).hasMessageContaining("/path");
        assertThat(new CorsPolicy(Set.of("http://localhost:3000")).allows("http://localhost:3000")).isTrue();
        assertThat(CorsPolicy.DISABLED.enabled()).isFalse();
    }

    @Test
    void duplicateRoutesAreRefused() {
        Route a = new Route() {
            @Override
            public HttpMethod method() {
                return HttpMethod.GET;
            }

            @Override
            public String path() {
                return "/x/{id}";
            }

            @Override
            public Response handle(Request request) {
                return Response.noContent();
            }
        };
        assertThatThrownBy(() -> new RouteTable(List.of(a, a))).hasMessageContaining("GET /x/{id} is registered twice");
    }
}
