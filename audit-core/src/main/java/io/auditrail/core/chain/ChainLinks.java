package io.auditrail.core.chain;

import java.util.OptionalLong;

/**
 * Look-ups into the whole chain, used only to classify a broken link after the walk has
 * found one; a store answers them from its unique index on the predecessor hash.
 */
public interface ChainLinks {

    /**
     * The row that names a hash as its predecessor.
     *
     * @param prevHash a hash
     * @return that row's chain sequence, or empty when no row links to it
     */
    OptionalLong successorOf(String prevHash);

    /**
     * Whether some row of the chain has this hash.
     *
     * @param hash a hash
     * @return {@code true} when a row carries it
     */
    boolean containsHash(String hash);
}
