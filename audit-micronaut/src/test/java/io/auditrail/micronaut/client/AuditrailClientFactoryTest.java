package io.auditrail.micronaut.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.client.AuditrailClient;
import io.auditrail.client.AuditrailConnectionException;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditrailClientFactoryTest {

    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder().properties(properties).deduceEnvironment(false).build().start();
    }

    @Test
    void theClientIsABeanOnTheHttpKeysAndAbsentWithoutThem() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ApplicationContext context = context(Map.of("auditrail.http.base-uri", "http://127.0.0.1:" + closedPort,
                "auditrail.http.api-key", "al_micronaut-test", "auditrail.http.read-attempts", 1))) {
            AuditrailClient client = context.getBean(AuditrailClient.class);
            assertThat(client.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + closedPort));
            assertThatThrownBy(client::usage).as("a real call, to a port nobody listens on")
                    .isInstanceOf(AuditrailConnectionException.class);
        }
        try (ApplicationContext context = context(Map.of())) {
            assertThat(context.containsBean(AuditrailClient.class)).isFalse();
        }
        try (ApplicationContext context = context(Map.of("auditrail.http.base-uri", "https://audit.example.com",
                "auditrail.http.api-key", "al_micronaut-test", "auditrail.http.reads-enabled", false))) {
            assertThat(context.containsBean(AuditrailClient.class)).isFalse();
        }
    }
}
