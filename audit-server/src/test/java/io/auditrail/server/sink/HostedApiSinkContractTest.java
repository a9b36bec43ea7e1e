package io.auditrail.server.sink;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.sink.contract.AbstractRemoteAuditSinkContractTest;
import io.auditrail.core.sink.contract.SilentServer;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.auditrail.server.support.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The hosted-API sink against the real server, which deduplicates by {@code Idempotency-Key} and
 * refuses an action that is not in dot notation with 400. Each test writes as an organisation of
 * its own, and reads back through the server's store without the wire's {@code _auditrail}
 * extension, which carries the fields the API lacks and is not part of the event.
 */
class HostedApiSinkContractTest extends AbstractRemoteAuditSinkContractTest {

    private static TestServer server;

    private final String organization = "org-" + UUID.randomUUID();
    private HostedApiSink sink;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.h2());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void key() {
        sink = sinkAt(server.baseUri(), server.newKey(organization, null).secret(), Duration.ofSeconds(5));
    }

    private static HostedApiSink sinkAt(URI base, String key, Duration timeout) {
        return new HostedApiSink(new HostedApiSettings(base, key, timeout, timeout, 4), new AuditEventCodec());
    }

    @Override
    protected String organizationId() {
        return organization;
    }

    @Override
    protected AuditSink sink() {
        return sink;
    }

    @Override
    protected List<AuditEvent> storedEvents(int expected) {
        AuditQuery all = AuditQuery.builder().organizationId(organization).limit(100).build();
        return server.bean(AuditStore.class).query(all).events().stream().map(this::withoutExtension).toList();
    }

    private AuditEvent withoutExtension(AuditEvent stored) {
        Map<String, Object> metadata = new LinkedHashMap<>(stored.metadata());
        metadata.remove(AuditEventCodec.HOSTED_API_EXTENSION_KEY);
        return new AuditEvent(stored.id(), stored.timestamp(), stored.organizationId(), stored.actor(), stored.action(),
                stored.resource(), stored.outcome(), stored.context(), metadata);
    }

    @Override
    protected Optional<AuditEvent> refusedForGood(AuditEvent valid) {
        return Optional.of(valid.toBuilder().action("login").build());
    }

    @Override
    protected AuditSink sinkTo(SilentServer silent, Duration timeout) {
        URI base = URI.create("http://" + silent.address().getHostString() + ":" + silent.address().getPort());
        return sinkAt(base, "al_unused", timeout);
    }
}
