package io.auditrail.jdbc.chain;

/**
 * One signed statement about an organisation's tree, as the checkpoint table or an export
 * holds it: a checkpoint of its size and root, or a retention record saying the events of
 * leaves {@code [0, size)} were purged.
 *
 * @param retention whether it is a retention record
 * @param size the tree size it states
 * @param root the tree's root at that size
 * @param note the signed note text, which alone is trusted
 */
record CheckpointRecord(boolean retention, long size, byte[] root, String note) {
}
