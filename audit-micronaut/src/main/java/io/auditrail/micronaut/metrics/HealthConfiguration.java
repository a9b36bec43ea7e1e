package io.auditrail.micronaut.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code auditrail.health.*}: the same key and default as the starter's. */
@ConfigurationProperties("auditrail.health")
public class HealthConfiguration {

    /** Queued events per sink above which health is down. */
    private int maxQueueDepth = 5_000;

    public int getMaxQueueDepth() {
        return maxQueueDepth;
    }

    public void setMaxQueueDepth(int maxQueueDepth) {
        this.maxQueueDepth = maxQueueDepth;
    }
}
