package io.auditrail.core.sink.contract;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.validation.AuditLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Events for the sink contract: ordinary ones, and ones at the edges of what a valid event may
 * carry. Timestamps are whole microseconds a minute in the past, the precision every store keeps
 * and a time every destination accepts.
 */
public final class ContractEvents {

    private final String organizationId;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(1, ChronoUnit.MINUTES);

    /**
     * Creates a factory for one organisation.
     *
     * @param organizationId the organisation every event belongs to
     */
    public ContractEvents(String organizationId) {
        this.organizationId = organizationId;
    }

    /**
     * An ordinary event.
     *
     * @param n distinguishes it from the other events of the test
     * @return the event
     */
    public AuditEvent plain(int n) {
        return AuditEvent.builder()
                .timestamp(base.plus(n, ChronoUnit.MICROS))
                .organizationId(organizationId)
                .actor(Actor.user("alice", "Alice Liddell", "alice@example.com"))
                .action("invoice.sent")
                .resource(new Resource("invoice", "inv-" + n, "Invoice " + n))
                .metadata("n", (long) n)
                .build();
    }

    /**
     * Events in one batch, oldest first.
     *
     * @param size how many
     * @return the batch
     */
    public List<AuditEvent> batch(int size) {
        return IntStream.range(0, size).mapToObj(this::plain).toList();
    }

    /**
     * Identifiers of the longest valid length, text beyond the Basic Multilingual Plane and in
     * right-to-left scripts, every field set, and metadata nested as deep as allowed.
     *
     * @return the event
     */
    public AuditEvent unusual() {
        int longest = AuditLimits.DEFAULTS.maxIdentifierLength();
        String action = "invoice." + "x".repeat(longest - "invoice.".length());
        String text = "😀 ünïcödé 日本語 עברית ﷺ \"quoted\" \\ ' <tag> & % _";
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("k".repeat(longest), text);
        metadata.put("amount", new BigDecimal("12345678901234567890.000000001"));
        metadata.put("list", List.of("a", 1L, true, Map.of("inner", "ü")));
        metadata.put("nested", nested(AuditLimits.DEFAULTS.maxMetadataDepth() - 1));
        metadata.put("nothing", null);
        return AuditEvent.builder()
                .timestamp(base.plus(1, ChronoUnit.SECONDS))
                .organizationId(organizationId)
                .actor(new Actor("a".repeat(longest), text, "ünïcödé@example.com", ActorType.SERVICE))
                .action(action)
                .resource(new Resource("t".repeat(longest), "r".repeat(longest), text.repeat(10)))
                .outcome(Outcome.failure("java.lang.IllegalStateException", "first line, then " + text))
                .context(new RequestContext("2001:db8::1", "agent/1.0 " + text, "q".repeat(longest)))
                .metadata(metadata)
                .build();
    }

    private static Object nested(int depth) {
        return depth == 0 ? "leaf 😀" : Map.of("level" + depth, nested(depth - 1));
    }
}
