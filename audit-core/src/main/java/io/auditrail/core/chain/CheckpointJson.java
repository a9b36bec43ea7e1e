package io.auditrail.core.chain;

import io.auditrail.core.json.AuditEventCodec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-line JSON form of a checkpoint that sinks export and the verifier reads back:
 * {@code {"organization_id":"acme","kind":"HEAD","chain_seq":42,"hash":"…","created_at":"…","signature":"…"}}.
 */
public final class CheckpointJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CheckpointJson() {
    }

    /**
     * Writes a checkpoint as one line.
     *
     * @param checkpoint the checkpoint
     * @return JSON without a line break
     */
    public static String toJson(Checkpoint checkpoint) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("organization_id", checkpoint.organizationId());
        fields.put("kind", checkpoint.kind().name());
        fields.put("chain_seq", checkpoint.chainSeq());
        fields.put("hash", checkpoint.hash());
        fields.put("created_at", AuditEventCodec.formatTimestamp(checkpoint.createdAt()));
        fields.put("signature", checkpoint.signature());
        return MAPPER.writeValueAsString(fields);
    }

    /**
     * Reads a line written by {@link #toJson(Checkpoint)}.
     *
     * @param line one line
     * @return the checkpoint
     * @throws IllegalArgumentException when the line is not a checkpoint
     */
    public static Checkpoint fromJson(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return new Checkpoint(text(node, "organization_id"), Checkpoint.Kind.valueOf(text(node, "kind")),
                    node.get("chain_seq").asLong(), text(node, "hash"), Instant.parse(text(node, "created_at")),
                    text(node, "signature"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a checkpoint line: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
