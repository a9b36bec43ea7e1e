package io.auditrail.spring.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code auditrail.client.*}: how the hosted-API client reads events back. Where the API is and
 * the key it takes stay under {@code auditrail.http.*}, shared with the sink that writes there,
 * so the key is configured once; only what reading alone needs lives here.
 */
@ConfigurationProperties("auditrail.client")
public class AuditrailClientProperties {

    /** Whether to create the hosted-API client (and serve the read endpoints through it) when auditrail.sink includes http. */
    private boolean enabled = true;

    /** Whether plain http is allowed when auditrail.http.base-uri is a loopback address; any other address must use https, since the API key travels in every request. */
    private boolean allowLoopbackHttp = true;

    /** Attempts of a read (and of a log call, which carries an idempotency key) before its failure is reported. */
    private int maxAttempts = 3;

    /** Longest wait before a retry; a Retry-After beyond it fails the read at once. */
    private Duration maxRetryWait = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isAllowLoopbackHttp() {
        return allowLoopbackHttp;
    }

    public void setAllowLoopbackHttp(boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Duration maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }
}
