package io.auditrail.core.chain;

/**
 * Where a verification walk begins: the first chain sequence expected and the hash its row
 * must name as predecessor.
 *
 * @param chainSeq the first expected chain sequence
 * @param prevHash the hash the first row must record as {@code prev_hash}
 */
public record ChainStart(long chainSeq, String prevHash) {

    /**
     * The start of a chain that was never purged.
     *
     * @return sequence 1 after {@link ChainHasher#GENESIS}
     */
    public static ChainStart genesis() {
        return new ChainStart(1, ChainHasher.GENESIS);
    }

    /**
     * The start after the link a checkpoint names, for an anchor or a range.
     *
     * @param seq the sequence of the link before the start
     * @param hash that link's hash
     * @return the start just after it
     */
    public static ChainStart after(long seq, String hash) {
        return new ChainStart(seq + 1, hash);
    }
}
