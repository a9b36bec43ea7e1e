package io.auditrail.jdbc.outbox;

/** A row a claimer leased, before its payload is read back into an event. */
record ClaimedRow(long seq, String payload, int attempts) {
}
