package io.auditrail.client;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with an error status. The statuses a caller acts on have their own
 * subclass ({@link BadRequestException} 400, {@link UnauthorizedException} 401,
 * {@link ForbiddenException} 403, {@link NotFoundException} 404,
 * {@link PayloadTooLargeException} 413, {@link RateLimitedException} 429); any other status,
 * 5xx included, is this class.
 */
public class AuditrailApiException extends AuditrailClientException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the API's {@code error} text, or a description when it sent none
     * @param retryAfter the {@code Retry-After} the API sent, if any
     */
    public AuditrailApiException(int status, String error, @Nullable Duration retryAfter) {
        super("audit API answered " + status + ": " + error, null);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /**
     * The HTTP status.
     *
     * @return for example 400
     */
    public int status() {
        return status;
    }

    /**
     * The API's reason.
     *
     * @return the {@code error} field of its answer
     */
    public String error() {
        return error;
    }

    /**
     * How long the API asked the caller to wait before sending again.
     *
     * @return the wait, empty when the API sent no {@code Retry-After}
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
