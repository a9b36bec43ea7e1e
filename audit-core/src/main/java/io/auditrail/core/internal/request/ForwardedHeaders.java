package io.auditrail.core.internal.request;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The client address a trusted proxy reports in {@code X-Forwarded-For} or {@code Forwarded}. */
final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    /**
     * The forwarded client, {@code X-Forwarded-For} first.
     *
     * @param headers a request header's first value by name, or {@code null}
     * @return the client's address as the proxy wrote it, or {@code null} when neither header names one
     */
    static @Nullable String client(Function<String, @Nullable String> headers) {
        String forwardedFor = headers.apply("X-Forwarded-For");
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            // The right-most hop was added by the trusted proxy; entries left of it are the client's own claims.
            String[] hops = forwardedFor.split(",");
            return hops[hops.length - 1].trim();
        }
        String forwarded = headers.apply("Forwarded");
        if (forwarded == null) {
            return null;
        }
        String client = null;
        for (String part : forwarded.split("[;,]")) {
            String trimmed = part.trim();
            if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                client = trimmed.substring(4).replace("\"", "");
            }
        }
        return client;
    }
}
