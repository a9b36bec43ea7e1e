package io.auditrail.core.event;

import org.jspecify.annotations.Nullable;

/**
 * Where the action came from, when a request was in scope. Every field is optional.
 *
 * @param ip client IP address
 * @param userAgent the client's {@code User-Agent}
 * @param requestId request or trace id correlating the event with logs and traces
 */
public record RequestContext(@Nullable String ip, @Nullable String userAgent, @Nullable String requestId) {

    /** Context with no fields, used when no request is in scope. */
    public static final RequestContext NONE = new RequestContext(null, null, null);

    /** Turns blank fields into {@code null}. */
    public RequestContext {
        ip = Required.optionalText(ip);
        userAgent = Required.optionalText(userAgent);
        requestId = Required.optionalText(requestId);
    }

    /**
     * Whether no field is set.
     *
     * @return {@code true} for an empty context
     */
    public boolean isEmpty() {
        return ip == null && userAgent == null && requestId == null;
    }
}
