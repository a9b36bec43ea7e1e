package io.auditrail.core.internal.stream.format;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.internal.stream.secret.SecretRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Shapes a batch for a destination kind: a Standard Webhooks message
 * ({@code {"type":"audit.events","timestamp":...,"data":[...]}}, signed), Splunk HEC event
 * envelopes (one JSON object per event, concatenated), or a Datadog logs array.
 */
public final class DestinationRequests {

    /** Datadog's intake takes at most this many logs per request. */
    public static final int DATADOG_MAX_BATCH = 1000;

    private DestinationRequests() {
    }

    /**
     * The message id of a batch: the same for the same events of the same stream, so every
     * retry, also after a restart, carries the id the receiver deduplicates on.
     *
     * @param streamId the stream
     * @param firstSequence the store's sequence of the batch's first event
     * @param lastSequence the store's sequence of its last event
     * @return {@code msg_} and 32 hex digits
     */
    public static String messageId(String streamId, long firstSequence, long lastSequence) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((streamId + ":" + firstSequence + ":" + lastSequence).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Builds the request for a batch.
     *
     * @param kind the destination kind
     * @param secret the plain secret
     * @param formatter the stream's format
     * @param messageId the batch's message id
     * @param type {@code audit.events}, or {@code audit.test} for a test event
     * @param events the events, at least one
     * @param now the attempt's time (the webhook timestamp is per attempt; the id is not)
     * @return the request
     */
    public static OutgoingRequest build(DestinationKind kind, String secret, EventFormatter formatter, String messageId,
            String type, List<AuditEvent> events, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        byte[] body;
        switch (kind) {
            case WEBHOOK -> {
                StringBuilder json = new StringBuilder(events.size() * 512).append("{\"type\":\"").append(type)
                        .append("\",\"timestamp\":\"").append(AuditEventCodec.formatTimestamp(now)).append("\",\"data\":[");
                for (int i = 0; i < events.size(); i++) {
                    json.append(i == 0 ? "" : ",").append(formatter.format(events.get(i)));
                }
                body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                long timestamp = now.getEpochSecond();
                headers.put("webhook-id", messageId);
                headers.put("webhook-timestamp", Long.toString(timestamp));
                headers.put("webhook-signature", WebhookSignature.sign(SecretRules.webhookKey(secret), messageId, timestamp, body));
            }
            case SPLUNK_HEC -> {
                StringBuilder json = new StringBuilder(events.size() * 600);
                for (AuditEvent event : events) {
                    long micros = event.timestamp().getEpochSecond() * 1_000_000L + event.timestamp().getNano() / 1000;
                    json.append("{\"time\":").append(micros / 1_000_000L).append('.')
                            .append(String.format("%06d", micros % 1_000_000L))
                            .append(",\"source\":\"auditrail\",\"sourcetype\":\"").append(formatter.sourceType())
                            .append("\",\"fields\":{\"organization_id\":").append(quote(event.organizationId()))
                            .append(",\"batch_id\":").append(quote(messageId))
                            .append("},\"event\":").append(formatter.format(event)).append("}\n");
                }
                body = json.toString().getBytes(StandardCharsets.UTF_8);
                headers.put("Authorization", "Splunk " + secret);
                headers.put("X-Splunk-Request-Channel", channel(messageId));
            }
            case DATADOG -> {
                StringBuilder json = new StringBuilder(events.size() * 600).append('[');
                for (int i = 0; i < events.size(); i++) {
                    AuditEvent event = events.get(i);
                    json.append(i == 0 ? "" : ",").append("{\"ddsource\":\"auditrail\",\"service\":\"auditrail\",\"ddtags\":")
                            .append(quote("organization_id:" + event.organizationId() + ",format:" + formatter.sourceType()))
                            .append(",\"message\":").append(quote(formatter.format(event))).append('}');
                }
                body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
                headers.put("DD-API-KEY", secret);
            }
            default -> throw new IllegalArgumentException("unknown destination kind " + kind);
        }
        return new OutgoingRequest(headers, body);
    }

    /** A HEC channel is a GUID; deriving it from the message id keeps one per batch without state. */
    private static String channel(String messageId) {
        String hex = messageId.substring(4);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20, 32);
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 8).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, quoted);
        return quoted.append('"').toString();
    }
}
