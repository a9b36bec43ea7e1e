package io.auditrail.core.internal.stream.format;

import java.util.Map;

/**
 * One request to a destination.
 *
 * @param headers headers besides Host, Content-Length and Connection
 * @param body the body, UTF-8
 */
public record OutgoingRequest(Map<String, String> headers, byte[] body) {
}
