package io.auditrail.core.internal.stream.net;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A receiver's answer, read up to a bound.
 *
 * @param status the HTTP status
 * @param headers header values by lower-case name (the last one when repeated)
 * @param body the start of the body, decoded as UTF-8
 */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    /**
     * One header.
     *
     * @param name lower-case name
     * @return its value, or {@code null}
     */
    public @Nullable String header(String name) {
        return headers.get(name);
    }
}
