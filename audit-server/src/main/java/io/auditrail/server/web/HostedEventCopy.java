package io.auditrail.server.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Rewrites one event of the store's JSON Lines export in the hosted API's flat shape
 * ({@link HostedEventView}), token by token: the same bytes as reading the line into an event
 * and serialising its view, without building the event, its maps or a tree. The line is the
 * codec's readable form, so its fields come in a fixed order with {@code metadata} last;
 * {@code organization_id}, which the flat shape puts last, is held until then.
 */
final class HostedEventCopy {

    private HostedEventCopy() {
    }

    /**
     * Copies one event.
     *
     * @param line a parser at the start of one exported line
     * @param out a generator of the mapper that writes the API's answers
     */
    static void copy(JsonParser line, JsonGenerator out) {
        expect(line.nextToken(), JsonToken.START_OBJECT);
        Fields fields = new Fields();
        boolean metadata = false;
        for (JsonToken token = line.nextToken(); token == JsonToken.PROPERTY_NAME; token = line.nextToken()) {
            String name = line.currentName();
            JsonToken value = line.nextToken();
            switch (name) {
                case "id" -> fields.id = line.getString();
                case "timestamp" -> fields.timestamp = line.getString();
                case "organization_id" -> fields.organizationId = line.getString();
                case "action" -> fields.action = line.getString();
                case "actor" -> readActor(line, fields);
                case "resource" -> readResource(line, fields);
                case "metadata" -> {
                    expect(value, JsonToken.START_OBJECT);
                    writeHead(out, fields);
                    out.writeName("metadata");
                    copyValue(line, value, out);
                    metadata = true;
                }
                default -> line.skipChildren();
            }
        }
        if (!metadata) {
            writeHead(out, fields);
            out.writeName("metadata");
            out.writeStartObject();
            out.writeEndObject();
        }
        out.writeName("organization_id");
        writeOptional(out, fields.organizationId);
        out.writeEndObject();
    }

    private static void readActor(JsonParser line, Fields fields) {
        for (JsonToken token = line.nextToken(); token == JsonToken.PROPERTY_NAME; token = line.nextToken()) {
            String name = line.currentName();
            line.nextToken();
            switch (name) {
                case "id" -> fields.actorId = line.getString();
                case "name" -> fields.actorName = line.getString();
                case "email" -> fields.actorEmail = line.getString();
                default -> line.skipChildren();
            }
        }
    }

    private static void readResource(JsonParser line, Fields fields) {
        for (JsonToken token = line.nextToken(); token == JsonToken.PROPERTY_NAME; token = line.nextToken()) {
            String name = line.currentName();
            line.nextToken();
            switch (name) {
                case "type" -> fields.resourceType = line.getString();
                case "id" -> fields.resourceId = line.getString();
                case "name" -> fields.resourceName = line.getString();
                default -> line.skipChildren();
            }
        }
    }

    private static void writeHead(JsonGenerator out, Fields fields) {
        out.writeStartObject();
        out.writeStringProperty("id", fields.id);
        out.writeStringProperty("timestamp", fields.timestamp);
        out.writeStringProperty("actor_id", fields.actorId);
        out.writeName("actor_name");
        writeOptional(out, fields.actorName);
        out.writeName("actor_email");
        writeOptional(out, fields.actorEmail);
        out.writeStringProperty("action", fields.action);
        out.writeStringProperty("resource_type", fields.resourceType);
        out.writeStringProperty("resource_id", fields.resourceId);
        out.writeName("resource_name");
        writeOptional(out, fields.resourceName);
    }

    /** An event's optional texts are {@code null} when blank, as the view of a built event shows them. */
    private static void writeOptional(JsonGenerator out, String value) {
        if (value == null || value.isBlank()) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    private static void copyValue(JsonParser line, JsonToken token, JsonGenerator out) {
        switch (token) {
            case START_OBJECT -> {
                out.writeStartObject();
                for (JsonToken next = line.nextToken(); next == JsonToken.PROPERTY_NAME; next = line.nextToken()) {
                    out.writeName(line.currentName());
                    copyValue(line, line.nextToken(), out);
                }
                out.writeEndObject();
            }
            case START_ARRAY -> {
                out.writeStartArray();
                for (JsonToken next = line.nextToken(); next != JsonToken.END_ARRAY; next = line.nextToken()) {
                    copyValue(line, next, out);
                }
                out.writeEndArray();
            }
            case VALUE_STRING -> out.writeString(line.getString());
            case VALUE_NUMBER_INT -> writeInteger(line.getBigIntegerValue(), out);
            case VALUE_NUMBER_FLOAT -> writeDecimal(line.getDecimalValue(), out);
            case VALUE_TRUE -> out.writeBoolean(true);
            case VALUE_FALSE -> out.writeBoolean(false);
            case VALUE_NULL -> out.writeNull();
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /** An event's metadata holds an integer as a {@code Long} when it fits. */
    private static void writeInteger(BigInteger value, JsonGenerator out) {
        if (value.bitLength() < 64) {
            out.writeNumber(value.longValue());
        } else {
            out.writeNumber(value);
        }
    }

    /** An event's metadata holds zero and integral decimals as integers, other decimals without trailing zeros. */
    private static void writeDecimal(BigDecimal value, JsonGenerator out) {
        BigDecimal decimal = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (decimal.scale() <= 0) {
            writeInteger(decimal.toBigIntegerExact(), out);
        } else {
            out.writeNumber(decimal);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " in an exported event but found " + actual);
        }
    }

    /** The line's fields that the flat shape writes before the metadata, or after it. */
    private static final class Fields {
        String id;
        String timestamp;
        String organizationId;
        String actorId;
        String actorName;
        String actorEmail;
        String action;
        String resourceType;
        String resourceId;
        String resourceName;
    }
}
