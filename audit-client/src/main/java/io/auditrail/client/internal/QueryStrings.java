package io.auditrail.client.internal;

import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** An {@link AuditQuery} as the hosted API's query parameters, by the names its documentation gives. */
public final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * The filters of a query, without paging (an export is never paged).
     *
     * @param query the query
     * @return parameter names and values, in a stable order
     * @throws IllegalArgumentException when the query holds a cursor, which the hosted API does not have
     */
    public static Map<String, String> filters(AuditQuery query) {
        if (query.cursor() != null) {
            throw new IllegalArgumentException(
                    "the hosted audit API pages by offset only; a query with a cursor cannot be sent to it");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "organization_id", query.organizationId());
        put(parameters, "actor_id", query.actorId());
        put(parameters, "actor_name", query.actorName());
        put(parameters, "action", query.action());
        put(parameters, "resource_type", query.resourceType());
        put(parameters, "resource_id", query.resourceId());
        put(parameters, "outcome", query.outcome() == null ? null : query.outcome().wireName());
        put(parameters, "search", query.search());
        put(parameters, "start_date", instant(query.start()));
        put(parameters, "end_date", instant(query.end()));
        return parameters;
    }

    /**
     * The filters and the page of a query.
     *
     * @param query the query
     * @return parameter names and values, {@code limit} and {@code offset} last
     */
    public static Map<String, String> page(AuditQuery query) {
        Map<String, String> parameters = filters(query);
        parameters.put("limit", Integer.toString(query.limit()));
        parameters.put("offset", Integer.toString(query.offset()));
        return parameters;
    }

    /**
     * Encodes parameters as a query string.
     *
     * @param parameters names and values
     * @return {@code ?a=b&c=d}, or the empty string when there are none
     */
    public static String encode(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static @Nullable String instant(@Nullable Instant instant) {
        return instant == null ? null : AuditEventCodec.formatTimestamp(instant);
    }

    private static void put(Map<String, String> parameters, String name, @Nullable String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
