package io.auditrail.core.internal.chain;

import io.auditrail.core.internal.query.AuditReads;
import io.auditrail.core.internal.query.ReadRefusedException;
import io.auditrail.core.internal.query.ReadScope;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.CheckpointLine;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.core.internal.query.ReadParameters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain read endpoints' answers, framework-free, so that the Spring Boot starter and the
 * Micronaut module answer alike: {@code GET /chain/verify}, {@code /chain/checkpoint},
 * {@code /chain/consistency} and {@code /chain/checkpoints} ({@link ProofReads} answers
 * {@code /events/{id}/proof}). Every
 * method takes the caller's {@link ReadScope} (the organisation is never taken from the request)
 * and refuses with {@link ReadRefusedException} (status and message) or
 * {@link InvalidAuditQueryException} (400).
 */
public final class ChainReads {

    /**
     * The log the endpoints read, as the JDBC store's {@code JdbcAuditChain} offers it.
     */
    public interface ReadableLog {

        /**
         * The inclusion proof of an event in the newest checkpoint covering it.
         *
         * @param eventId the event
         * @return the proof, or {@code null} while no signed checkpoint covers the event
         */
        @Nullable Proof inclusionProof(UUID eventId);

        /**
         * The newest signed checkpoint of an organisation's tree.
         *
         * @param organizationId the organisation
         * @return the checkpoint, or {@code null} before the first one
         */
        @Nullable Checkpoint latestCheckpoint(String organizationId);

        /**
         * The stored checkpoint of one tree size.
         *
         * @param organizationId the organisation
         * @param size the tree size
         * @return the checkpoint, or {@code null} when none has that size
         */
        @Nullable Checkpoint checkpoint(String organizationId, long size);

        /**
         * The RFC 9162 consistency proof between two tree sizes.
         *
         * @param organizationId the organisation
         * @param from the older size
         * @param to the newer size
         * @return the proof's hashes
         */
        List<byte[]> consistencyProof(String organizationId, long from, long to);

        /**
         * Every stored checkpoint note of a tree followed by its retention records.
         *
         * @param organizationId the organisation
         * @return the notes
         */
        List<SignedNote> checkpointNotes(String organizationId);

        /**
         * Verifies a tree, whole or the leaves of a range of indexes.
         *
         * @param organizationId the organisation
         * @param from the first leaf index, or {@code null}
         * @param to the last leaf index, or {@code null}
         * @return the verdict
         */
        LogVerification verify(String organizationId, @Nullable Long from, @Nullable Long to);
    }

    /**
     * An event's inclusion proof.
     *
     * @param organizationId the tree's organisation
     * @param leafIndex the event's leaf
     * @param treeSize the checkpoint's tree size
     * @param path the audit path, leaf side first
     * @param note the signed checkpoint note of {@code treeSize}
     */
    public record Proof(@Nullable String organizationId, long leafIndex, long treeSize, List<byte[]> path,
            SignedNote note) {
    }

    /**
     * A stored signed checkpoint.
     *
     * @param size its tree size
     * @param note its signed note
     */
    public record Checkpoint(long size, SignedNote note) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CONSISTENCY = Set.of("from", "to");

    private final ReadableLog log;

    /**
     * Creates the reads.
     *
     * @param log the log
     */
    public ChainReads(ReadableLog log) {
        this.log = log;
    }

    /**
     * The newest checkpoint's tree size, for an export of the log up to it.
     *
     * @param scope the caller's scope
     * @return the tree size
     * @throws ReadRefusedException (404) before the organisation's first checkpoint
     */
    public long latestSize(ReadScope scope) {
        return latest(scope).size();
    }

    /**
     * {@code GET /chain/verify?from=&to=} (admins): verifies the caller's organisation's log.
     *
     * @param scope the caller's scope
     * @param rawQuery the query string
     * @return the JSON body
     * @throws ReadRefusedException (403) for a member
     */
    public String verify(ReadScope scope, @Nullable String rawQuery) {
        requireAdmin(scope, "verify the log");
        ReadParameters parameters = AuditReads.parameters(rawQuery, AuditReads.VERIFY);
        Long first = parameters.number("from", 0, Long.MAX_VALUE);
        Long last = parameters.number("to", 0, Long.MAX_VALUE);
        if (first != null && last != null && first > last) {
            throw new InvalidAuditQueryException("from must not be after to");
        }
        LogVerification result = log.verify(scope.organizationId(), first, last);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", scope.organizationId());
        body.put("intact", result.intact());
        body.put("leaves_checked", result.leavesChecked());
        body.put("tree_size", result.treeSize());
        if (result.problem() == null) {
            body.put("problem", null);
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("leaf_index", result.problem().leafIndex());
            problem.put("type", result.problem().type().name());
            problem.put("detail", result.problem().detail());
            body.put("problem", problem);
        }
        return JSON.writeValueAsString(body);
    }

    /**
     * {@code GET /chain/checkpoint}: the newest signed checkpoint note, as text.
     *
     * @param scope the caller's scope
     * @param rawQuery the query string, which must be empty
     * @return the note's text
     * @throws ReadRefusedException (404) before the organisation's first checkpoint
     */
    public String checkpoint(ReadScope scope, @Nullable String rawQuery) {
        AuditReads.parameters(rawQuery, AuditReads.NONE);
        return latest(scope).note().format();
    }

    /**
     * {@code GET /chain/consistency?from=M&to=N}: the consistency proof between two checkpointed
     * tree sizes ({@code to} defaults to the newest checkpoint), with both signed notes.
     *
     * @param scope the caller's scope
     * @param rawQuery the query string
     * @return the JSON body
     * @throws ReadRefusedException (404) for a size no stored checkpoint has
     */
    public String consistency(ReadScope scope, @Nullable String rawQuery) {
        ReadParameters parameters = AuditReads.parameters(rawQuery, CONSISTENCY);
        Long from = parameters.number("from", 1, Long.MAX_VALUE);
        Long to = parameters.number("to", 1, Long.MAX_VALUE);
        if (from == null) {
            throw new InvalidAuditQueryException("from is required: the tree size of a checkpoint you hold");
        }
        if (to != null && from > to) {
            throw new InvalidAuditQueryException("from (" + from + ") must not be after to (" + to + ")");
        }
        Checkpoint newer = to == null ? latest(scope) : checkpointOfSize(scope, "to", to);
        long size = newer.size();
        if (from > size) {
            throw new InvalidAuditQueryException("from " + from + " is past the newest checkpoint's tree size, " + size);
        }
        Checkpoint older = checkpointOfSize(scope, "from", from);
        List<String> proof = new ArrayList<>();
        log.consistencyProof(scope.organizationId(), from, size)
                .forEach(hash -> proof.add(Base64.getEncoder().encodeToString(hash)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", scope.organizationId());
        body.put("from", from);
        body.put("to", size);
        body.put("proof", proof);
        body.put("from_checkpoint", older.note().format());
        body.put("checkpoint", newer.note().format());
        return JSON.writeValueAsString(body);
    }

    /**
     * {@code GET /chain/checkpoints}: every stored checkpoint and retention record, one JSON line
     * each in the format the offline verifier's {@code --checkpoints} reads.
     *
     * @param scope the caller's scope
     * @param rawQuery the query string, which must be empty
     * @return the lines, each ending in a newline
     */
    public List<String> checkpointLines(ReadScope scope, @Nullable String rawQuery) {
        AuditReads.parameters(rawQuery, AuditReads.NONE);
        List<String> lines = new ArrayList<>();
        for (SignedNote note : log.checkpointNotes(scope.organizationId())) {
            lines.add(CheckpointLine.format(scope.organizationId(), note) + "\n");
        }
        return lines;
    }

    /**
     * Refuses a member where only admins may go.
     *
     * @param scope the caller's scope
     * @param what what only admins may do, for the message
     * @throws ReadRefusedException (403) for a member
     */
    public static void requireAdmin(ReadScope scope, String what) {
        if (!scope.admin()) {
            throw new ReadRefusedException(403, "only organisation admins may " + what);
        }
    }

    private Checkpoint latest(ReadScope scope) {
        Checkpoint latest = log.latestCheckpoint(scope.organizationId());
        if (latest == null) {
            throw new ReadRefusedException(404, "your organisation's log has no checkpoint yet");
        }
        return latest;
    }

    /** The stored checkpoint of a size whose note vouches for it; 404 naming the size when there is none. */
    private Checkpoint checkpointOfSize(ReadScope scope, String parameter, long size) {
        Checkpoint checkpoint = log.checkpoint(scope.organizationId(), size);
        if (checkpoint == null) {
            throw new ReadRefusedException(404, parameter + " " + size + " is the size of no checkpoint"
                    + " of your organisation's log; GET chain/checkpoints lists them");
        }
        return checkpoint;
    }
}
