package io.auditrail.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * 429: the organisation is over its plan's allowance or the API's rate. {@link #retryAfter()}
 * says when to try again when the API said so.
 */
public final class RateLimitedException extends AuditrailApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API's reason
     * @param retryAfter the {@code Retry-After} the API sent, if any
     */
    public RateLimitedException(String error, @Nullable Duration retryAfter) {
        super(429, error, retryAfter);
    }
}
