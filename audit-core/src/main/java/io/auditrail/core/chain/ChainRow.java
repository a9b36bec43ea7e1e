package io.auditrail.core.chain;

/**
 * One sealed event as the verifier sees it.
 *
 * @param chainSeq its position in the chain
 * @param prevHash the predecessor hash it recorded
 * @param hash its recorded hash
 * @param canonicalEvent its canonical JSON as re-read from the store, or {@code null} when the
 *        stored row could not be read back as an event at all
 */
public record ChainRow(long chainSeq, String prevHash, String hash, byte[] canonicalEvent) {
}
