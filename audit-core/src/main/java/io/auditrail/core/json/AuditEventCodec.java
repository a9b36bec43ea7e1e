package io.auditrail.core.json;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link AuditEvent} as JSON. Thread-safe; share one instance.
 *
 * <p>Three shapes:
 * <ul>
 *   <li>{@link #toJson(AuditEvent)}: the readable form, fields in schema order, one line,
 *       {@code null} fields left out; {@link #fromJson(String)} reads it back to an equal event.</li>
 *   <li>{@link #toCanonicalJson(AuditEvent)}: the same content with keys sorted at every
 *       level and no insignificant whitespace (in the spirit of RFC 8785), the stable byte
 *       form that hash chaining relies on.</li>
 *   <li>{@link #toHostedApiJson(AuditEvent)}: the hosted audit-log API's request body; the
 *       fields the API lacks travel in {@code metadata._auditrail}.</li>
 * </ul>
 * Control, line-separator and bidirectional-formatting characters are always escaped, so
 * every document is a single line that cannot forge a second log entry.
 */
public final class AuditEventCodec {

    /** Timestamp format: always six fractional digits, so text order equals time order. */
    public static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Key under {@code metadata} carrying fields the hosted API has no place for. */
    public static final String HOSTED_API_EXTENSION_KEY = "_auditrail";

    private final JsonMapper mapper;

    /** Creates a codec with Auditrail's escaping and number handling. */
    public AuditEventCodec() {
        JsonFactory factory = JsonFactory.builder().characterEscapes(new LineSafeEscapes()).build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }

    /**
     * Formats a timestamp the way every Auditrail JSON document does.
     *
     * @param timestamp an instant
     * @return for example {@code "2026-11-23T10:15:30.123456Z"}
     */
    public static String formatTimestamp(Instant timestamp) {
        return TimestampText.format(timestamp);
    }

    /**
     * The readable JSON form.
     *
     * @param event the event
     * @return one line of JSON
     */
    public String toJson(AuditEvent event) {
        return write(generator -> writeEvent(generator, event));
    }

    /**
     * Writes the readable JSON form to a stream, for exports; the stream is not closed.
     *
     * @param event the event
     * @param out destination, written as UTF-8
     */
    public void writeJson(AuditEvent event, OutputStream out) {
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            writeEvent(generator, event);
        }
    }

    /**
     * Writes the readable JSON form to a character stream; the stream is not closed.
     *
     * @param event the event
     * @param out destination
     */
    public void writeJson(AuditEvent event, Writer out) {
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            writeEvent(generator, event);
        }
    }

    /**
     * A generator with this codec's escaping and number settings, for code that writes the
     * readable form from stored values without building events (exports); closing it does
     * not close {@code out}.
     *
     * @param out destination
     * @return a new generator
     */
    public JsonGenerator createGenerator(Writer out) {
        return mapper.createGenerator(out);
    }

    /**
     * The canonical form: sorted keys, no whitespace, UTF-8. Equal events give equal bytes.
     *
     * @param event the event
     * @return canonical UTF-8 bytes
     */
    public byte[] toCanonicalJson(AuditEvent event) {
        return new CanonicalEventWriter(this::jsonValue).write(event);
    }

    /**
     * The canonical form of each event, in order: the same bytes as {@link #toCanonicalJson(AuditEvent)}
     * for each, written through one buffer, as sinks that encode whole batches do.
     *
     * @param events the events
     * @return canonical UTF-8 bytes, one array per event
     */
    public List<byte[]> toCanonicalJson(List<AuditEvent> events) {
        CanonicalEventWriter writer = new CanonicalEventWriter(this::jsonValue);
        List<byte[]> encoded = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            encoded.add(writer.write(event));
        }
        return encoded;
    }

    /** One JSON value as this codec's generator writes it: the reference for {@link CanonicalEventWriter}. */
    private byte[] jsonValue(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            writeValue(g, value);
        }
        return out.toByteArray();
    }

    /**
     * The canonical form of an event as a store keeps it, written field by field in sorted order
     * without building or validating the event: for the rows a store wrote from valid events, the
     * same bytes as {@link #toCanonicalJson(AuditEvent)} at a fraction of the cost.
     *
     * @param event the stored fields
     * @return canonical UTF-8 bytes
     * @throws InvalidAuditEventException when the metadata is no JSON object
     */
    public byte[] toCanonicalJson(EventText event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("action", event.action());
            g.writeName("actor");
            g.writeStartObject();
            optional(g, "email", event.actorEmail());
            g.writeStringProperty("id", event.actorId());
            optional(g, "name", event.actorName());
            g.writeStringProperty("type", event.actorType());
            g.writeEndObject();
            String ip = blankToNull(event.ip());
            String requestId = blankToNull(event.requestId());
            String userAgent = blankToNull(event.userAgent());
            if (ip != null || requestId != null || userAgent != null) {
                g.writeName("context");
                g.writeStartObject();
                optional(g, "ip", ip);
                optional(g, "request_id", requestId);
                optional(g, "user_agent", userAgent);
                g.writeEndObject();
            }
            if (!"success".equals(event.outcome())) {
                g.writeName("error");
                g.writeStartObject();
                optional(g, "message", event.errorMessage());
                optional(g, "type", event.errorType());
                g.writeEndObject();
            }
            g.writeStringProperty("id", event.id());
            if (event.metadataJson() != null && !event.metadataJson().isBlank()) {
                JsonNode metadata = readTree(event.metadataJson());
                if (!metadata.isObject()) {
                    throw new InvalidAuditEventException("metadata must be a JSON object");
                }
                if (!metadata.isEmpty()) {
                    g.writeName("metadata");
                    writeCanonical(g, metadata);
                }
            }
            optional(g, "organization_id", event.organizationId());
            g.writeStringProperty("outcome", event.outcome());
            g.writeName("resource");
            g.writeStartObject();
            g.writeStringProperty("id", event.resourceId());
            optional(g, "name", event.resourceName());
            g.writeStringProperty("type", event.resourceType());
            g.writeEndObject();
            g.writeStringProperty("timestamp", formatTimestamp(event.timestamp()));
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** What the event's records make of a blank optional field. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void optional(JsonGenerator g, String name, String value) {
        String text = blankToNull(value);
        if (text != null) {
            g.writeStringProperty(name, text);
        }
    }

    /** A parsed JSON value, objects with sorted keys and numbers as an event's metadata holds them. */
    private static void writeCanonical(JsonGenerator g, JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            g.writeStartObject();
            for (String name : names) {
                g.writeName(name);
                writeCanonical(g, node.get(name));
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                writeCanonical(g, element);
            }
            g.writeEndArray();
        } else if (node.isString()) {
            g.writeString(node.asString());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue();
            decimal = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
            if (decimal.scale() <= 0) {
                g.writeNumber(decimal.toBigIntegerExact());
            } else {
                g.writeNumber(decimal);
            }
        } else {
            g.writeNull();
        }
    }

    /**
     * The hosted audit-log API's event body ({@code POST /v1/events}).
     *
     * @param event the event
     * @return one line of JSON
     */
    public String toHostedApiJson(AuditEvent event) {
        return write(generator -> writeHostedApiEvent(generator, event));
    }

    /**
     * Serialises metadata, for example to store it in a JSON column.
     *
     * @param metadata JSON values by key
     * @return one line of JSON
     */
    public String metadataToJson(Map<String, Object> metadata) {
        return write(generator -> writeValue(generator, metadata));
    }

    /**
     * Parses metadata written by {@link #metadataToJson(Map)}.
     *
     * @param json a JSON object, or {@code null}
     * @return JSON values by key, empty for {@code null}
     */
    public Map<String, Object> metadataFromJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return metadataFromJson(readTree(json));
    }

    /**
     * Reads metadata from an already parsed JSON object, such as a field of a request body,
     * with the same values as {@link #metadataFromJson(String)} of its text, without printing
     * and parsing it again. The tree should hold floats as {@code BigDecimal}, so that no digit
     * was lost in parsing it.
     *
     * @param node a JSON object
     * @return JSON values by key
     * @throws InvalidAuditEventException when the node is not an object
     */
    public Map<String, Object> metadataFromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidAuditEventException("metadata must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) toValue(node);
        return values;
    }

    /**
     * Re-encodes metadata as a store returned it: the same text as
     * {@code metadataToJson(metadataFromJson(json))}, numbers normalised the same way, but
     * copied token by token without building the map. For exports of values that were
     * validated when they were written. Text whose tokens are already spelled as the codec
     * writes them (what it stored itself, or PostgreSQL's {@code jsonb} spacing of it) is
     * copied in one pass without a parser, dropping the whitespace between tokens.
     *
     * @param json a JSON object read from a store, or {@code null}
     * @return one line of JSON, or {@code null} when there is no metadata or it is empty
     * @throws InvalidAuditEventException when the JSON is malformed or not an object
     */
    public @Nullable String storedMetadataToJson(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        String compact = CompactStoredJson.compact(json);
        if (compact != null) {
            return compact;
        }
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidAuditEventException("metadata must be a JSON object");
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + 16);
            try (JsonGenerator generator = mapper.createGenerator(out)) {
                generator.writeStartObject();
                StoredJsonCopy.copyObjectBody(parser, token, generator);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new InvalidAuditEventException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Size in UTF-8 bytes of the serialised metadata, for the capture-time bound.
     *
     * @param metadata JSON values by key
     * @return the byte count
     */
    public int metadataSize(Map<String, Object> metadata) {
        if (metadata.isEmpty()) {
            return 2;
        }
        CountingOutputStream counter = new CountingOutputStream();
        try (JsonGenerator generator = mapper.createGenerator(counter)) {
            writeValue(generator, metadata);
        }
        return counter.count;
    }

    /**
     * Parses the readable form.
     *
     * @param json a document written by {@link #toJson(AuditEvent)}
     * @return the event
     * @throws InvalidAuditEventException when the JSON is malformed or breaks the schema
     */
    public AuditEvent fromJson(String json) {
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw new InvalidAuditEventException("an audit event must be a JSON object");
        }
        JsonNode actor = root.path("actor");
        JsonNode resource = root.path("resource");
        JsonNode context = root.path("context");
        JsonNode error = root.path("error");
        Outcome.Status status = Outcome.Status.fromWireName(text(root, "outcome", "success"));
        Outcome outcome = status == Outcome.Status.SUCCESS
                ? Outcome.success()
                : Outcome.failure(text(error, "type", null), text(error, "message", null));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = root.has("metadata") ? (Map<String, Object>) toValue(root.get("metadata")) : Map.of();
        return AuditEvent.builder()
                .id(parseId(text(root, "id", null)))
                .timestamp(parseTimestamp(text(root, "timestamp", null)))
                .organizationId(text(root, "organization_id", null))
                .actor(new Actor(text(actor, "id", null), text(actor, "name", null), text(actor, "email", null),
                        ActorType.fromWireName(text(actor, "type", "user"))))
                .action(text(root, "action", null))
                .resource(new Resource(text(resource, "type", null), text(resource, "id", null),
                        text(resource, "name", null)))
                .outcome(outcome)
                .context(new RequestContext(text(context, "ip", null), text(context, "user_agent", null),
                        text(context, "request_id", null)))
                .metadata(metadata)
                .build();
    }

    private static UUID parseId(String id) {
        if (id == null) {
            throw new InvalidAuditEventException("id is required");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditEventException("id is not a UUID: '" + id + "'");
        }
    }

    private static Instant parseTimestamp(String timestamp) {
        if (timestamp == null) {
            throw new InvalidAuditEventException("timestamp is required");
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new InvalidAuditEventException("timestamp is not ISO-8601: '" + timestamp + "'");
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidAuditEventException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw new InvalidAuditEventException(field + " must be a string");
        }
        return value.asString();
    }

    private static Object toValue(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                map.put(entry.getKey(), toValue(entry.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toValue(element));
            }
            return list;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return null;
    }

    private void writeEvent(JsonGenerator g, AuditEvent event) {
        Fields fields = new Fields();
        fields.put("id", event.id().toString());
        fields.put("timestamp", formatTimestamp(event.timestamp()));
        fields.put("organization_id", event.organizationId());
        Fields actor = new Fields();
        actor.put("id", event.actor().id());
        actor.put("name", event.actor().name());
        actor.put("email", event.actor().email());
        actor.put("type", event.actor().type().wireName());
        fields.put("actor", actor.map);
        fields.put("action", event.action());
        Fields resource = new Fields();
        resource.put("type", event.resource().type());
        resource.put("id", event.resource().id());
        resource.put("name", event.resource().name());
        fields.put("resource", resource.map);
        fields.put("outcome", event.outcome().status().wireName());
        if (!event.outcome().isSuccess()) {
            Fields error = new Fields();
            error.put("type", event.outcome().errorType());
            error.put("message", event.outcome().errorMessage());
            fields.put("error", error.map);
        }
        if (!event.context().isEmpty()) {
            Fields context = new Fields();
            context.put("ip", event.context().ip());
            context.put("user_agent", event.context().userAgent());
            context.put("request_id", event.context().requestId());
            fields.put("context", context.map);
        }
        if (!event.metadata().isEmpty()) {
            fields.put("metadata", event.metadata());
        }
        writeValue(g, fields.map);
    }

    private void writeHostedApiEvent(JsonGenerator g, AuditEvent event) {
        Fields fields = new Fields();
        Fields actor = new Fields();
        actor.put("id", event.actor().id());
        actor.put("name", event.actor().name());
        actor.put("email", event.actor().email());
        fields.put("actor", actor.map);
        fields.put("action", event.action());
        Fields resource = new Fields();
        resource.put("type", event.resource().type());
        resource.put("id", event.resource().id());
        resource.put("name", event.resource().name());
        fields.put("resource", resource.map);
        fields.put("organization_id", event.organizationId());
        fields.put("timestamp", formatTimestamp(event.timestamp()));
        Map<String, Object> metadata = new LinkedHashMap<>(event.metadata());
        Fields extension = new Fields();
        extension.put("event_id", event.id().toString());
        extension.put("actor_type", event.actor().type().wireName());
        extension.put("outcome", event.outcome().status().wireName());
        extension.put("error_type", event.outcome().errorType());
        extension.put("error_message", event.outcome().errorMessage());
        extension.put("ip", event.context().ip());
        extension.put("user_agent", event.context().userAgent());
        extension.put("request_id", event.context().requestId());
        metadata.put(HOSTED_API_EXTENSION_KEY, extension.map);
        fields.put("metadata", metadata);
        writeValue(g, fields.map);
    }

    private static void writeValue(JsonGenerator g, @Nullable Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                g.writeName((String) entry.getKey());
                writeValue(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object element : list) {
                writeValue(g, element);
            }
            g.writeEndArray();
        } else {
            throw new IllegalStateException("not a JSON value: " + value.getClass().getName());
        }
    }

    private String write(GeneratorAction action) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            action.write(generator);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface GeneratorAction {
        void write(JsonGenerator generator);
    }

    /** Object fields in schema order, without nulls. */
    private static final class Fields {
        final Map<String, Object> map = new LinkedHashMap<>();

        void put(String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }

    private static final class CountingOutputStream extends OutputStream {
        int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
