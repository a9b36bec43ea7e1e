package io.auditrail.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.auditrail.client.AuditrailClient;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.server.support.FaultProxy;
import io.auditrail.server.support.FaultProxy.Status;
import io.auditrail.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every log line the client writes, at every level, and every exception it throws, is free of the API key. */
class ApiKeyNeverLoggedTest {

    @Test
    void theKeyAppearsInNoLogLineNoExceptionAndNoToString() {
        List<String> texts = new ArrayList<>();
        // Attached after the server starts: Spring Boot's start resets the logging configuration.
        try (TestServer server = TestServer.start(TestServer.h2()); FaultProxy proxy = new FaultProxy(server.baseUri())) {
            Logger clientLogs = (Logger) LoggerFactory.getLogger("io.auditrail.client");
            ListAppender<ILoggingEvent> captured = new ListAppender<>();
            captured.start();
            clientLogs.addAppender(captured);
            clientLogs.setLevel(Level.TRACE);
            String key = server.newKey("org-" + UUID.randomUUID(), "starter").secret();
            AuditrailClient client = AuditrailClient.builder().baseUri(proxy.baseUri()).apiKey(key)
                    .allowLoopbackHttp(true).sleeper(duration -> { })
                    .backoff(new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0)).build();
            client.log(AuditEvent.builder().actor(Actor.user("ada", null, null)).action("invoice.sent")
                    .resource(new Resource("invoice", "inv-1", null)).build());
            client.query(AuditQuery.builder().actorId("ada").build());
            proxy.script(new Status(503, "0"), new Status(500, null), new Status(502, null));
            texts.add(String.valueOf(catchThrowable(client::usage)));
            proxy.script(new Status(401, null));
            texts.add(String.valueOf(catchThrowable(client::usage)));
            texts.add(String.valueOf(catchThrowable(() -> AuditrailClient.builder()
                    .baseUri("http://audit.example.com").apiKey(key).build())));
            texts.add(client.toString());
            for (ILoggingEvent event : captured.list) {
                texts.add(event.getFormattedMessage());
                for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                    texts.add(thrown.getMessage());
                }
            }
            assertThat(captured.list).as("the retries and requests were logged").hasSizeGreaterThan(3);
            assertThat(texts).noneMatch(text -> text != null && text.contains(key));
            assertThat(texts).noneMatch(text -> text != null && text.contains(key.substring(3, 15)));
            clientLogs.detachAppender(captured);
            clientLogs.setLevel(null);
        }
    }
}
