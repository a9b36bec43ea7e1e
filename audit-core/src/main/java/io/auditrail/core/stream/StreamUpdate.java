package io.auditrail.core.stream;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A partial change to a stream (PATCH): each {@code null} field keeps its value. The kind and
 * the start point cannot change; pause and resume have their own operations.
 *
 * @param name a new label
 * @param url a new destination URL, checked as at creation
 * @param format a new format, applied from the next batch
 * @param secret a new secret, checked as at creation
 */
public record StreamUpdate(@Nullable String name, @Nullable URI url, @Nullable StreamFormat format,
        @Nullable String secret) {

    /**
     * Whether the update changes nothing.
     *
     * @return {@code true} when every field is {@code null}
     */
    public boolean isEmpty() {
        return name == null && url == null && format == null && secret == null;
    }
}
