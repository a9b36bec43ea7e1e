package io.auditrail.core.tlog;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON plumbing the log's file formats share: one mapper, events through the codec, strict field reads. */
final class TlogJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final AuditEventCodec CODEC = new AuditEventCodec();

    private TlogJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode eventNode(AuditEvent event) {
        return read(CODEC.toJson(event), "event");
    }

    static AuditEvent event(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"event\" must be a JSON object");
        }
        return CODEC.fromJson(node.toString());
    }

    static JsonNode read(String json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static long nonNegativeLong(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-negative integer");
        }
        return value.asLong();
    }

    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value.asString();
    }

    static @Nullable String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(object, field);
    }

    static byte[] hash(String base64, String field) {
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + field + "\" must be standard base64", e);
        }
        if (hash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("\"" + field + "\" must be a " + MerkleTree.HASH_BYTES + "-byte hash");
        }
        return hash;
    }

    static List<byte[]> hashes(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array of base64 hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw new IllegalArgumentException("\"" + field + "\" must be an array of base64 hashes");
            }
            hashes.add(hash(element.asString(), field));
        }
        return hashes;
    }
}
