package io.auditrail.core.stream;

import io.auditrail.core.dispatch.RetryBackoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The operator's settings for streams ({@code auditrail.streams.*}).
 *
 * @param encryptionKey AES key (base64 of 16, 24 or 32 bytes) encrypting destination secrets at
 *        rest ({@code auditrail.streams.encryption-key}); keep it outside the database
 * @param allowedDestinations CIDR ranges ({@code 10.0.0.0/8}, {@code ::1/128}) and host names
 *        ({@code siem.internal}) that may be reached although internal; empty by default
 * @param allowPlainHttp whether {@code http://} URLs are accepted; {@code false} by default
 * @param batchSize most events per request, 1 to 10000
 * @param pollInterval wait between reads of the trail once a stream has caught up
 * @param backoff waits after failed attempts, capped, with jitter; a longer {@code Retry-After} wins
 * @param lease how long a deliverer holds a stream after its last renewal
 * @param connectTimeout limit on opening a connection
 * @param requestTimeout limit on one request, from sending to the end of the answer
 * @param maxResponseBytes most bytes of an answer read (the rest is discarded)
 * @param failingAfterAttempts failed attempts in a row after which health says failing, not retrying
 * @param deliveryThreads threads delivering, shared by all streams of this instance
 */
public record StreamSettings(String encryptionKey, List<String> allowedDestinations, boolean allowPlainHttp,
        int batchSize, Duration pollInterval, RetryBackoff backoff, Duration lease, Duration connectTimeout,
        Duration requestTimeout, int maxResponseBytes, int failingAfterAttempts, int deliveryThreads) {

    /** Checks every value; the message names the key at fault. */
    public StreamSettings {
        Objects.requireNonNull(encryptionKey, "auditrail.streams.encryption-key must be set");
        int keyBytes;
        try {
            keyBytes = Base64.getDecoder().decode(encryptionKey.trim()).length;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auditrail.streams.encryption-key must be base64", e);
        }
        if (keyBytes != 16 && keyBytes != 24 && keyBytes != 32) {
            throw new IllegalArgumentException("auditrail.streams.encryption-key must decode to 16, 24 or 32 bytes but was "
                    + keyBytes);
        }
        allowedDestinations = List.copyOf(allowedDestinations);
        range(batchSize, 1, 10_000, "batch-size");
        positive(pollInterval, "poll-interval");
        Objects.requireNonNull(backoff, "auditrail.streams.backoff");
        positive(lease, "lease");
        positive(connectTimeout, "connect-timeout");
        positive(requestTimeout, "request-timeout");
        range(maxResponseBytes, 256, 16 * 1024 * 1024, "max-response-bytes");
        range(failingAfterAttempts, 1, 1000, "failing-after-attempts");
        range(deliveryThreads, 1, 64, "delivery-threads");
    }

    /**
     * Starts from the defaults: no allow-list, HTTPS only, batches of 100, polling every second,
     * backoff from 1 s doubling to 5 min with 20 % jitter, 30-second leases, 5 s to connect,
     * 10 s per request, answers read up to 64 KiB, failing after 5 attempts, 2 threads.
     *
     * @param encryptionKey the key encrypting secrets at rest, base64
     * @return a builder
     */
    public static Builder builder(String encryptionKey) {
        return new Builder(encryptionKey);
    }

    /**
     * The key as bytes.
     *
     * @return a fresh copy of the decoded key
     */
    public byte[] encryptionKeyBytes() {
        return Base64.getDecoder().decode(encryptionKey.trim());
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "StreamSettings[encryptionKey=<hidden>, allowedDestinations=" + allowedDestinations + ", allowPlainHttp="
                + allowPlainHttp + ", batchSize=" + batchSize + ", pollInterval=" + pollInterval + ", backoff=" + backoff
                + ", lease=" + lease + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxResponseBytes=" + maxResponseBytes + ", failingAfterAttempts=" + failingAfterAttempts
                + ", deliveryThreads=" + deliveryThreads + "]";
    }

    private static void range(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("auditrail.streams." + key + " must be between " + min + " and " + max
                    + " but was " + value);
        }
    }

    private static void positive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("auditrail.streams." + key + " must be a positive duration but was " + value);
        }
    }

    /** Builds {@link StreamSettings}; checked when built. Not thread-safe. */
    public static final class Builder {

        private final String encryptionKey;
        private final List<String> allowedDestinations = new ArrayList<>();
        private boolean allowPlainHttp;
        private int batchSize = 100;
        private Duration pollInterval = Duration.ofSeconds(1);
        private RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2);
        private Duration lease = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxResponseBytes = 64 * 1024;
        private int failingAfterAttempts = 5;
        private int deliveryThreads = 2;

        private Builder(String encryptionKey) {
            this.encryptionKey = encryptionKey;
        }

        /**
         * Allows internal destinations.
         *
         * @param cidrsOrHosts CIDR ranges and host names
         * @return this builder
         */
        public Builder allowDestinations(List<String> cidrsOrHosts) {
            allowedDestinations.addAll(cidrsOrHosts);
            return this;
        }

        /**
         * Sets whether plain HTTP URLs are accepted.
         *
         * @param allow {@code true} to accept them
         * @return this builder
         */
        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        /**
         * Sets the most events per request.
         *
         * @param size 1 to 10000
         * @return this builder
         */
        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /**
         * Sets the wait between reads once caught up.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /**
         * Sets the backoff after failed attempts.
         *
         * @param backoff the backoff
         * @return this builder
         */
        public Builder backoff(RetryBackoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /**
         * Sets the lease.
         *
         * @param lease positive
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /**
         * Sets the connect and request timeouts.
         *
         * @param connect limit on opening a connection
         * @param request limit on one request
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = connect;
            this.requestTimeout = request;
            return this;
        }

        /**
         * Sets the most bytes of an answer read.
         *
         * @param bytes 256 to 16 MiB
         * @return this builder
         */
        public Builder maxResponseBytes(int bytes) {
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Sets the failed attempts in a row after which health says failing.
         *
         * @param attempts 1 to 1000
         * @return this builder
         */
        public Builder failingAfterAttempts(int attempts) {
            this.failingAfterAttempts = attempts;
            return this;
        }

        /**
         * Sets the delivery threads of this instance.
         *
         * @param threads 1 to 64
         * @return this builder
         */
        public Builder deliveryThreads(int threads) {
            this.deliveryThreads = threads;
            return this;
        }

        /**
         * Checks and builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the key at fault
         */
        public StreamSettings build() {
            return new StreamSettings(encryptionKey, allowedDestinations, allowPlainHttp, batchSize, pollInterval, backoff,
                    lease, connectTimeout, requestTimeout, maxResponseBytes, failingAfterAttempts, deliveryThreads);
        }
    }
}
