package io.auditrail.core.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A tree head in the C2SP tlog-checkpoint format: the body of a signed note naming the log
 * (origin), its size and its root. The body is three lines, each ending in a newline:
 * {@code origin}, the size in decimal, the root in standard base64. Extension lines are not
 * written and not accepted.
 *
 * @param origin the log's unique name, see {@link LogOrigin}
 * @param size the number of leaves
 * @param rootHash the 32-byte root of those leaves
 */
public record LogCheckpoint(String origin, long size, byte[] rootHash) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the origin is blank or has control characters, the size
     *     is negative or the root is not 32 bytes
     */
    public LogCheckpoint {
        if (origin.isBlank() || origin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a checkpoint origin must be one non-blank line without control"
                    + " characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint size cannot be negative but was " + size);
        }
        if (rootHash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a checkpoint root has " + MerkleTree.HASH_BYTES + " bytes but had "
                    + rootHash.length);
        }
        rootHash = rootHash.clone();
    }

    /**
     * The root.
     *
     * @return a copy of the 32 bytes
     */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * The note body: {@code origin\nsize\nbase64(root)\n}.
     *
     * @return the text a signature covers
     */
    public String noteBody() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /**
     * The extension line that makes a checkpoint note a signed retention record: the events of the
     * leaves below the size were purged on purpose and the tree up to the size is the one named.
     * Only a leaf below the size of a validly signed retention record may come without its event.
     */
    public static final String RETENTION_LINE =
            "auditrail-retention: the events of the leaves below the size were purged";

    /**
     * The note body of a retention record: the checkpoint body plus {@link #RETENTION_LINE}.
     *
     * @return the text a signature covers
     */
    public String retentionNoteBody() {
        return noteBody() + RETENTION_LINE + "\n";
    }

    /**
     * Whether a note body is a retention record's.
     *
     * @param body a note body
     * @return {@code true} when it ends with {@link #RETENTION_LINE}
     */
    public static boolean isRetention(String body) {
        return body.endsWith("\n" + RETENTION_LINE + "\n");
    }

    /**
     * Reads a checkpoint or retention record body; the retention line, if any, is dropped.
     *
     * @param body a note body
     * @return the checkpoint it states
     * @throws IllegalArgumentException when it is neither
     */
    public static LogCheckpoint parseAny(String body) {
        return parse(isRetention(body) ? body.substring(0, body.length() - RETENTION_LINE.length() - 1) : body);
    }

    /**
     * Reads a note body.
     *
     * @param body the text of {@link #noteBody()}
     * @return the checkpoint
     * @throws IllegalArgumentException when the text is not exactly three checkpoint lines
     */
    public static LogCheckpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint body ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new IllegalArgumentException("a checkpoint body has 3 lines (origin, size, root) but had "
                    + lines.length);
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a checkpoint size is a decimal without leading zeros but was '"
                    + abbreviate(lines[1]) + "'");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint root is standard base64 but was '" + abbreviate(lines[2])
                    + "'", e);
        }
        return new LogCheckpoint(lines[0], size, root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogCheckpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "LogCheckpoint[" + origin + ", size " + size + ", root " + HexFormat.of().formatHex(rootHash) + "]";
    }

    static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
