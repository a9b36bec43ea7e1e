package io.auditrail.core.tlog;

/**
 * A complete, aligned subtree of a Merkle log: the one covering leaves
 * {@code [index·2^level, (index+1)·2^level)}. Level 0 is a leaf; such a node never changes once
 * its leaves exist, which is why a store may keep it in an insert-only table.
 *
 * @param level the height, 0 to 62
 * @param index the position among the nodes of that level, from 0
 */
public record NodeId(int level, long index) {

    private static final int MAX_LEVEL = 62;

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException when the level or index is negative, or the subtree would
     *     end beyond {@link Long#MAX_VALUE} leaves
     */
    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("a node level lies in 0.." + MAX_LEVEL + " but was " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >> level) - 1) {
            throw new IllegalArgumentException("node index " + index + " is out of range at level " + level);
        }
    }

    /**
     * The index of the first leaf this subtree covers.
     *
     * @return {@code index·2^level}
     */
    public long firstLeaf() {
        return index << level;
    }

    /**
     * The index just past the last leaf this subtree covers.
     *
     * @return {@code (index+1)·2^level}
     */
    public long endLeaf() {
        return (index + 1) << level;
    }
}
