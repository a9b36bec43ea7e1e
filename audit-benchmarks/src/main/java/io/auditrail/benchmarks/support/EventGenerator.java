package io.auditrail.benchmarks.support;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the same realistic events on every run: field sizes like those of a SaaS
 * application (names, emails, a browser user agent, a request id), a small metadata object,
 * a few organisations and about 3 % failures. A fixed seed keeps runs comparable.
 */
public final class EventGenerator {

    private static final String[] ORGANIZATIONS = {"org-acme", "org-globex", "org-initech", "org-umbrella",
        "org-hooli"};
    private static final String[] FIRST_NAMES = {"Alice", "Bartholomew", "Chen", "Dagmar", "Emeka", "Françoise",
        "Gustavo", "Hiroko"};
    private static final String[] LAST_NAMES = {"Andersson", "Okonkwo-Smith", "Li", "van der Berg", "Kowalczyk",
        "Nakamura"};
    private static final String[] ACTIONS = {"invoice.created", "invoice.updated", "invoice.deleted", "invoice.sent",
        "member.invited", "member.role.changed", "user.login", "report.exported"};
    private static final String[] RESOURCE_TYPES = {"invoice", "member", "user", "report"};
    private static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.6 Safari/605.1.15";
    private static final Instant START = Instant.parse("2026-11-01T08:00:00Z");

    private final Random random = new Random(20261123L);
    private final HexFormat hex = HexFormat.of();

    /**
     * Generates events one millisecond apart.
     *
     * @param count how many
     * @return new events with fresh UUIDv7 ids
     */
    public List<AuditEvent> events(int count) {
        List<AuditEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(START.plus(Duration.ofMillis(i))));
        }
        return events;
    }

    private AuditEvent event(Instant timestamp) {
        int user = random.nextInt(2_000);
        String first = FIRST_NAMES[user % FIRST_NAMES.length];
        String last = LAST_NAMES[user % LAST_NAMES.length];
        String resourceType = RESOURCE_TYPES[random.nextInt(RESOURCE_TYPES.length)];
        int resourceNumber = random.nextInt(1_000_000);
        boolean failed = random.nextInt(100) < 3;
        return AuditEvent.builder()
                .timestamp(timestamp)
                .organizationId(ORGANIZATIONS[random.nextInt(ORGANIZATIONS.length)])
                .actor(Actor.user("user-" + user, first + " " + last,
                        first.toLowerCase() + "." + user + "@example.com"))
                .action(ACTIONS[random.nextInt(ACTIONS.length)])
                .resource(new Resource(resourceType, resourceType.substring(0, 3) + "-" + resourceNumber,
                        "Invoice 2026-" + resourceNumber))
                .outcome(failed ? Outcome.failure("java.lang.IllegalStateException", null) : Outcome.success())
                .context(new RequestContext("10.20." + random.nextInt(256) + "." + random.nextInt(256), USER_AGENT,
                        hex.formatHex(randomBytes(16))))
                .metadata(Map.of("amount", (long) random.nextInt(100_000), "currency", "EUR", "channel", "web"))
                .build();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
