package io.auditrail.core.tlog;

import io.auditrail.core.event.AuditEvent;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One leaf of an export for offline verification, one JSON line per leaf in leaf order:
 * {@code {"leaf_index":n,"event":{...}}} with the event as {@link io.auditrail.core.json.AuditEventCodec}
 * writes it. A leaf whose event retention purged has no event; it carries the leaf hash the store
 * kept and the organisation instead: {@code {"leaf_index":n,"organization_id":"acme","leaf_hash":"<base64>"}}.
 *
 * @param leafIndex the leaf's index in its organisation's log
 * @param organizationId the organisation (the event's, when there is an event)
 * @param event the event, or {@code null} when purged
 * @param leafHash the stored leaf hash, or {@code null}; required without an event
 */
public record LogExportLine(long leafIndex, @Nullable String organizationId, @Nullable AuditEvent event,
        byte @Nullable [] leafHash) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the index is negative, neither event nor hash is given,
     *     the hash is not 32 bytes, or the organisation differs from the event's
     */
    public LogExportLine {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("\"leaf_index\" must be a non-negative integer");
        }
        if (event == null && leafHash == null) {
            throw new IllegalArgumentException("an export line needs an event or a leaf hash");
        }
        if (leafHash != null && leafHash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("\"leaf_hash\" must be a " + MerkleTree.HASH_BYTES + "-byte hash");
        }
        if (event != null && !Objects.equals(organizationId, event.organizationId())) {
            throw new IllegalArgumentException("the export line's organisation differs from its event's");
        }
        leafHash = leafHash == null ? null : leafHash.clone();
    }

    /**
     * The line of a leaf with its event.
     *
     * @param leafIndex the leaf's index
     * @param event the event
     * @return the line
     */
    public static LogExportLine of(long leafIndex, AuditEvent event) {
        return new LogExportLine(leafIndex, event.organizationId(), event, null);
    }

    /**
     * The line of a leaf whose event was purged.
     *
     * @param leafIndex the leaf's index
     * @param organizationId the organisation, or {@code null}
     * @param leafHash the stored leaf hash
     * @return the line
     */
    public static LogExportLine purged(long leafIndex, @Nullable String organizationId, byte[] leafHash) {
        return new LogExportLine(leafIndex, organizationId, null, leafHash);
    }

    /**
     * The stored leaf hash.
     *
     * @return a copy, or {@code null}
     */
    @Override
    public byte @Nullable [] leafHash() {
        return leafHash == null ? null : leafHash.clone();
    }

    /**
     * Writes the line.
     *
     * @return one line of JSON, without a line break
     */
    public String toJson() {
        ObjectNode line = TlogJson.object();
        line.put("leaf_index", leafIndex);
        if (event != null) {
            line.set("event", TlogJson.eventNode(event));
        } else {
            line.put("organization_id", organizationId);
        }
        if (leafHash != null) {
            line.put("leaf_hash", Base64.getEncoder().encodeToString(leafHash));
        }
        return line.toString();
    }

    /**
     * Reads a line.
     *
     * @param json one line written by {@link #toJson()}
     * @return the line
     * @throws IllegalArgumentException when the line is malformed; the message says which field
     */
    public static LogExportLine parse(String json) {
        JsonNode line = TlogJson.read(json, "an export line");
        long leafIndex = TlogJson.nonNegativeLong(line, "leaf_index");
        JsonNode eventNode = line.get("event");
        String hash = TlogJson.optionalText(line, "leaf_hash");
        byte[] leafHash = hash == null ? null : TlogJson.hash(hash, "leaf_hash");
        if (eventNode != null && !eventNode.isNull()) {
            AuditEvent event = TlogJson.event(eventNode);
            return new LogExportLine(leafIndex, event.organizationId(), event, leafHash);
        }
        return new LogExportLine(leafIndex, TlogJson.optionalText(line, "organization_id"), null, leafHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogExportLine that && leafIndex == that.leafIndex
                && Objects.equals(organizationId, that.organizationId) && Objects.equals(event, that.event)
                && Arrays.equals(leafHash, that.leafHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leafIndex, organizationId, event) * 31 + Arrays.hashCode(leafHash);
    }
}
