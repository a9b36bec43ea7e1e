package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.LogOrigin;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.core.tlog.SignedNote;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes and checks the signed notes of checkpoints and retention records. A checkpoint is the
 * C2SP tlog-checkpoint body (origin, size, base64 root); a retention record is the same body
 * with the extension line {@value #RETENTION_LINE}: the events of the leaves below the size were
 * purged, the tree up to it is the one named.
 */
final class CheckpointNotes {

    static final String RETENTION_LINE = LogCheckpoint.RETENTION_LINE;

    private static final int MAX_REMEMBERED = 1024;

    private final String originPrefix;
    private final @Nullable NoteSigner signer;
    private final @Nullable NoteVerifier verifier;
    /** Records whose notes were found to vouch for them: a proof need not verify the same signature again. */
    private final Set<String> vouched = ConcurrentHashMap.newKeySet();

    CheckpointNotes(String originPrefix, @Nullable NoteSigner signer, @Nullable NoteVerifier verifier) {
        this.originPrefix = originPrefix;
        this.signer = signer;
        this.verifier = verifier;
    }

    LogOrigin logOrigin(@Nullable String organizationId) {
        return LogOrigin.of(originPrefix, organizationId);
    }

    String origin(@Nullable String organizationId) {
        return logOrigin(organizationId).value();
    }

    /** The organisation an origin of this log names; empty for another log's origin. */
    Optional<LogOrigin> parseOrigin(String origin) {
        try {
            return Optional.of(LogOrigin.parse(originPrefix, origin));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String body(@Nullable String organizationId, long size, byte[] root, boolean retention) {
        return new LogCheckpoint(origin(organizationId), size, root).noteBody() + (retention ? RETENTION_LINE + "\n" : "");
    }

    /** The note of a body: signed when a signer is configured, else without signatures. */
    SignedNote sign(String body) {
        SignedNote unsigned = new SignedNote(body, List.of());
        return signer == null ? unsigned : signer.sign(unsigned);
    }

    /** A stored or exported note as a record, or empty when it is no checkpoint of this log's origin. */
    Optional<CheckpointRecord> record(SignedNote note, @Nullable String organizationId) {
        String body = note.body();
        boolean retention = body.endsWith("\n" + RETENTION_LINE + "\n");
        String checkpointBody = retention ? body.substring(0, body.length() - RETENTION_LINE.length() - 1) : body;
        LogCheckpoint checkpoint;
        try {
            checkpoint = LogCheckpoint.parse(checkpointBody);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!checkpoint.origin().equals(origin(organizationId))) {
            return Optional.empty();
        }
        return Optional.of(new CheckpointRecord(retention, checkpoint.size(), checkpoint.rootHash(), note.format()));
    }

    /**
     * Whether a record's note vouches for it ({@link #check} finds nothing), remembering the
     * answer for records already seen.
     */
    boolean vouches(CheckpointRecord record, @Nullable String organizationId) {
        String seen = LogTables.key(organizationId) + "\n" + record.retention() + "\n" + record.size() + "\n"
                + LogNodes.hex(record.root()) + "\n" + record.note();
        if (vouched.contains(seen)) {
            return true;
        }
        if (check(record, organizationId) != null) {
            return false;
        }
        if (vouched.size() >= MAX_REMEMBERED) {
            vouched.clear();
        }
        vouched.add(seen);
        return true;
    }

    /**
     * Why a record's note does not vouch for it, or {@code null} when it does: with a verifier the
     * note must carry a valid signature by its key and state exactly the record; without one,
     * signatures are not checked, but the note must still state the record.
     */
    @Nullable String check(CheckpointRecord record, @Nullable String organizationId) {
        String what = (record.retention() ? "retention record" : "checkpoint") + " of size " + record.size();
        String expected = body(organizationId, record.size(), record.root(), record.retention());
        if (verifier == null) {
            return record.note().startsWith(expected + "\n") ? null : "the note of the " + what + " does not state it";
        }
        SignedNote note;
        try {
            note = SignedNote.parse(record.note());
        } catch (IllegalArgumentException e) {
            return "the " + what + " is not a signed note: " + e.getMessage();
        }
        if (!verifier.verify(note)) {
            return "the " + what + " carries no valid signature of the verification key";
        }
        return note.body().equals(expected) ? null : "the signed note of the " + what + " does not state it";
    }

    /** A note as stored, back as a note; an unsigned one has no signature lines to parse. */
    static SignedNote parse(String text) {
        if (text.endsWith("\n\n")) {
            return new SignedNote(text.substring(0, text.length() - 1), List.of());
        }
        return SignedNote.parse(text);
    }
}
