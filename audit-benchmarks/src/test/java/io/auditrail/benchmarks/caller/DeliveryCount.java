package io.auditrail.benchmarks.caller;

/**
 * What became of one benchmark's events.
 *
 * @param delivered stored by the sink
 * @param droppedQueueFull refused by a full queue under the drop policy
 * @param droppedOther given up for another reason (still queued at shutdown, refused by the sink)
 * @param captureFailures audited calls whose event could not be built or handed over
 * @param sinkFailures events in batches the sink failed to store (retried or not)
 */
record DeliveryCount(long delivered, long droppedQueueFull, long droppedOther, long captureFailures,
        long sinkFailures) {

    long offered() {
        return delivered + droppedQueueFull + droppedOther;
    }
}
