package io.auditrail.spring.autoconfigure;

import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.stream.StreamSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Log streams, {@code auditrail.streams.*}: each organisation's admins stream its trail to their
 * SIEM. Read into core's {@link StreamSettings}, which checks every value and names the key at fault.
 */
@ConfigurationProperties("auditrail.streams")
public class AuditrailStreamsProperties {

    /** Whether organisation admins may stream their trail to their own destinations (needs the JDBC store). */
    private boolean enabled = false;

    /** Base64 AES key (16, 24 or 32 bytes) encrypting destination secrets at rest, such as the output of 'openssl rand -base64 32'; keep it outside the database. Required when streams are enabled. */
    private String encryptionKey;

    /** CIDR ranges (10.0.0.0/8, ::1/128) and host names a stream may reach although they are loopback, private, link-local or metadata addresses; for on-premise receivers and tests. */
    private List<String> allowedDestinations = new ArrayList<>();

    /** Whether plain http:// destination URLs are accepted; secrets and events then cross the network unencrypted. */
    private boolean allowPlainHttp = false;

    /** Most events per delivery request. */
    private int batchSize = 100;

    /** Wait between reads of the trail once a stream has caught up. */
    private Duration pollInterval = Duration.ofSeconds(1);

    /** Wait after the first failed attempt; doubled after each further failure, with jitter. A longer Retry-After wins. */
    private Duration retryInitialBackoff = Duration.ofSeconds(1);

    /** Longest wait between attempts. */
    private Duration retryMaxBackoff = Duration.ofMinutes(5);

    /** How long an instance holds a stream after its last renewal; another instance takes the stream over after it. */
    private Duration lease = Duration.ofSeconds(30);

    /** Limit on opening a connection to a destination. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Limit on one delivery request, from sending to the end of the answer. */
    private Duration requestTimeout = Duration.ofSeconds(10);

    /** Most bytes of a destination's answer read; the rest is discarded. */
    private DataSize maxResponseSize = DataSize.ofKilobytes(64);

    /** Failed attempts in a row after which a stream's health says failing rather than retrying. */
    private int failingAfterAttempts = 5;

    /** Threads delivering on this instance, shared by all streams. */
    private int deliveryThreads = 2;

    /** Whether this instance delivers; switch off on instances that should only serve the stream endpoints. */
    private boolean deliveryEnabled = true;

    /** Table holding stream definitions, cursors and leases; a plain or schema-qualified SQL identifier. Refused batches go to {table}_refused. */
    private String tableName = "audit_streams";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getEncryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    public List<String> getAllowedDestinations() {
        return allowedDestinations;
    }

    public void setAllowedDestinations(List<String> allowedDestinations) {
        this.allowedDestinations = allowedDestinations;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getRetryInitialBackoff() {
        return retryInitialBackoff;
    }

    public void setRetryInitialBackoff(Duration retryInitialBackoff) {
        this.retryInitialBackoff = retryInitialBackoff;
    }

    public Duration getRetryMaxBackoff() {
        return retryMaxBackoff;
    }

    public void setRetryMaxBackoff(Duration retryMaxBackoff) {
        this.retryMaxBackoff = retryMaxBackoff;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getFailingAfterAttempts() {
        return failingAfterAttempts;
    }

    public void setFailingAfterAttempts(int failingAfterAttempts) {
        this.failingAfterAttempts = failingAfterAttempts;
    }

    public int getDeliveryThreads() {
        return deliveryThreads;
    }

    public void setDeliveryThreads(int deliveryThreads) {
        this.deliveryThreads = deliveryThreads;
    }

    public boolean isDeliveryEnabled() {
        return deliveryEnabled;
    }

    public void setDeliveryEnabled(boolean deliveryEnabled) {
        this.deliveryEnabled = deliveryEnabled;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    /**
     * Core's settings from these properties.
     *
     * @return the checked settings
     * @throws IllegalArgumentException naming the key at fault
     */
    public StreamSettings toSettings() {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            throw new IllegalArgumentException("auditrail.streams.encryption-key must be set when auditrail.streams.enabled"
                    + " is true: base64 of a 16, 24 or 32 byte AES key kept outside the database, for example the output"
                    + " of 'openssl rand -base64 32'");
        }
        RetryBackoff defaults = StreamSettings.builder(encryptionKey).build().backoff();
        RetryBackoff backoff;
        try {
            backoff = new RetryBackoff(retryInitialBackoff, retryMaxBackoff, defaults.multiplier(), defaults.jitter());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auditrail.streams.retry-initial-backoff must be positive and at most"
                    + " auditrail.streams.retry-max-backoff but they were " + retryInitialBackoff + " and "
                    + retryMaxBackoff, e);
        }
        long responseBytes = maxResponseSize == null ? -1 : maxResponseSize.toBytes();
        return StreamSettings.builder(encryptionKey)
                .allowDestinations(allowedDestinations == null ? List.of() : allowedDestinations)
                .allowPlainHttp(allowPlainHttp)
                .batchSize(batchSize)
                .pollInterval(pollInterval)
                .backoff(backoff)
                .lease(lease)
                .timeouts(connectTimeout, requestTimeout)
                .maxResponseBytes(responseBytes > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) responseBytes)
                .failingAfterAttempts(failingAfterAttempts)
                .deliveryThreads(deliveryThreads)
                .build();
    }
}
