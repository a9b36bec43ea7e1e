package io.auditrail.core.spi;

import io.auditrail.core.event.RequestContext;
import java.util.Optional;

/**
 * Supplies client IP, user agent and request id when a request is in scope.
 */
@FunctionalInterface
public interface RequestContextProvider {

    /**
     * The context of the request being served on this thread.
     *
     * @return the context, or empty outside a request
     */
    Optional<RequestContext> currentContext();
}
