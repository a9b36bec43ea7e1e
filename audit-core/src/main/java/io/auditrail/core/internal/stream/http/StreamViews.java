package io.auditrail.core.internal.stream.http;

import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamHealth;
import io.auditrail.core.stream.StreamState;
import io.auditrail.core.stream.TestDeliveryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes streams as the endpoints answer them: the definition and its delivery health in one
 * object, never the secret (it is not in a {@link StreamDefinition} at all). The lag is given as
 * a count of events and as the age in seconds of the oldest one waiting.
 */
public final class StreamViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StreamViews() {
    }

    /**
     * One stream.
     *
     * @param stream the definition
     * @param health its delivery health
     * @return a JSON object
     */
    public static String stream(StreamDefinition stream, StreamHealth health) {
        return JSON.writeValueAsString(fields(stream, health));
    }

    /**
     * The organisation's streams.
     *
     * @param streams definitions, each with its health, in the order given
     * @return {@code {"streams": [...]}}
     */
    public static String list(List<Map.Entry<StreamDefinition, StreamHealth>> streams) {
        List<Map<String, Object>> items = new ArrayList<>(streams.size());
        streams.forEach(entry -> items.add(fields(entry.getKey(), entry.getValue())));
        return JSON.writeValueAsString(Map.of("streams", items));
    }

    /**
     * The receiver's answer to a test event.
     *
     * @param result the answer
     * @return a JSON object: {@code delivered}, {@code status}, {@code body}, {@code error}, {@code duration_ms}
     */
    public static String test(TestDeliveryResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivered", result.delivered());
        body.put("status", result.status());
        body.put("body", result.body());
        body.put("error", result.error());
        body.put("duration_ms", result.elapsed().toMillis());
        return JSON.writeValueAsString(body);
    }

    /**
     * The endpoints' error shape.
     *
     * @param message what was wrong, safe to show the caller
     * @return {@code {"error": message}}
     */
    public static String error(String message) {
        return JSON.writeValueAsString(Map.of("error", message));
    }

    private static Map<String, Object> fields(StreamDefinition stream, StreamHealth health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", stream.id());
        body.put("name", stream.name());
        body.put("destination", StreamRequests.name(stream.kind()));
        body.put("url", stream.url().toString());
        body.put("format", StreamRequests.name(stream.format()));
        body.put("active", stream.state() == StreamState.ACTIVE);
        body.put("state", health.state().name().toLowerCase(Locale.ROOT));
        body.put("lag_events", health.lagEvents());
        body.put("lag_seconds", health.lag().toSeconds());
        body.put("last_error", health.lastError());
        body.put("last_error_at", time(health.lastErrorAt()));
        body.put("last_delivered_at", time(health.lastDeliveredAt()));
        body.put("next_attempt_at", time(health.nextAttemptAt()));
        body.put("delivered", health.delivered());
        body.put("failed", health.failed());
        body.put("backfill_from", time(stream.startPoint().backfillFrom()));
        body.put("created_at", time(stream.createdAt()));
        body.put("updated_at", time(stream.updatedAt()));
        return body;
    }

    private static @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
