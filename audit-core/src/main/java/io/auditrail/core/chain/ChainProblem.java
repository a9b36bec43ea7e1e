package io.auditrail.core.chain;

/**
 * The first thing wrong with a chain.
 *
 * @param chainSeq the chain sequence where it shows
 * @param type its class
 * @param detail a sentence for people
 */
public record ChainProblem(long chainSeq, Type type, String detail) {

    /** The classes of tampering the verifier tells apart. */
    public enum Type {
        /** A row's content or hash no longer matches, or the chain was rewritten after a checkpoint. */
        MODIFIED,
        /** A chain sequence is missing: the row at that position was deleted. */
        DELETED,
        /** A row was added into the chain that its successor does not link to. */
        INSERTED,
        /** Rows are present but in another order than they were sealed. */
        REORDERED,
        /** The chain ends before the head a signed checkpoint recorded. */
        TRUNCATED,
        /** A checkpoint is unsigned or its signature does not match the public key. */
        BAD_SIGNATURE
    }
}
