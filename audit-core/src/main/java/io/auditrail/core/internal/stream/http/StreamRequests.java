package io.auditrail.core.internal.stream.http;

import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.InvalidStreamException;
import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.StartPoint;
import io.auditrail.core.stream.StreamFormat;
import io.auditrail.core.stream.StreamUpdate;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON body of a stream creation ({@code POST}) or change ({@code PATCH}). Names are
 * the snake_case of the read API; enum values are written in lower case ({@code webhook},
 * {@code splunk_hec}, {@code datadog}; {@code auditrail_json}, {@code ocsf}). Every refusal is an
 * {@link InvalidStreamException} whose message starts with the field at fault; the values
 * themselves (URL reachability, secret shape) are checked by the stream service.
 *
 * <pre>{@code
 * {"name": "SIEM", "destination": "webhook", "url": "https://siem.example.com/audit",
 *  "secret": "whsec_...", "format": "ocsf", "backfill_from": "2026-12-01"}
 * }</pre>
 *
 * A Datadog stream may name its {@code site} ({@code datadoghq.eu}) instead of a URL.
 */
public final class StreamRequests {

    /** Largest request body read; a stream definition is a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CREATE = Set.of("name", "destination", "url", "site", "secret", "format",
            "backfill_from");
    private static final Set<String> UPDATE = Set.of("name", "url", "secret", "format");

    private StreamRequests() {
    }

    /**
     * Reads a creation request.
     *
     * @param body the request body, JSON
     * @return the stream to create
     * @throws InvalidStreamException naming the field at fault, or saying the body is not a JSON object
     */
    public static NewStream newStream(String body) {
        JsonNode json = object(body, CREATE, "");
        DestinationKind kind = enumValue(json, "destination", DestinationKind.class, true);
        String site = text(json, "site", false);
        URI url;
        if (site != null) {
            if (kind != DestinationKind.DATADOG) {
                throw new InvalidStreamException("site: only a datadog stream takes a site; give the others a url");
            }
            if (json.has("url")) {
                throw new InvalidStreamException("site: give either a url or a Datadog site, not both");
            }
            url = DestinationKind.datadogLogsIntake(site);
        } else {
            url = url(json, true);
        }
        return new NewStream(text(json, "name", true), kind, url, enumValue(json, "format", StreamFormat.class, false),
                text(json, "secret", true), startPoint(json));
    }

    /**
     * Reads a change request: only the fields present change.
     *
     * @param body the request body, JSON
     * @return the change, never empty
     * @throws InvalidStreamException naming the field at fault, or when the body changes nothing
     */
    public static StreamUpdate update(String body) {
        JsonNode json = object(body, UPDATE, "; the destination and the start point stay as created, "
                + "pausing and resuming have their own endpoints");
        StreamUpdate update = new StreamUpdate(text(json, "name", false), url(json, false),
                enumValue(json, "format", StreamFormat.class, false), text(json, "secret", false));
        if (update.isEmpty()) {
            throw new InvalidStreamException("body: nothing to change; send one or more of " + names(UPDATE));
        }
        return update;
    }

    /**
     * The JSON name of a destination kind or a format.
     *
     * @param value the enum value
     * @return its name in lower case, as requests and answers carry it
     */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static JsonNode object(String body, Set<String> known, String unknownHint) {
        if (body == null || body.isBlank()) {
            throw new InvalidStreamException("body: a JSON object is required");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidStreamException("body: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidStreamException("body: a JSON object is required");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.properties().iterator(); fields.hasNext(); ) {
            String field = fields.next().getKey();
            if (!known.contains(field)) {
                throw new InvalidStreamException(printable(field) + ": unknown field; known fields are " + names(known)
                        + unknownHint);
            }
        }
        return json;
    }

    private static @Nullable String text(JsonNode json, String field, boolean required) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidStreamException(field + ": required");
            }
            if (value != null) {
                throw new InvalidStreamException(field + ": must be a string, not null; leave it out to keep it");
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidStreamException(field + ": must be a string");
        }
        String text = value.stringValue();
        if (text.isBlank()) {
            throw new InvalidStreamException(field + ": must not be blank");
        }
        return text;
    }

    private static @Nullable URI url(JsonNode json, boolean required) {
        String text = text(json, "url", required);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new InvalidStreamException("url: must be an absolute URL with a host, such as "
                        + "https://siem.example.com/audit, but was '" + printable(text) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidStreamException("url: not a URL (" + e.getReason() + "): '" + printable(text) + "'");
        }
    }

    private static <E extends Enum<E>> @Nullable E enumValue(JsonNode json, String field, Class<E> type,
            boolean required) {
        String text = text(json, field, required);
        if (text == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (name(value).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new InvalidStreamException(field + ": '" + printable(text) + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(StreamRequests::name).collect(Collectors.joining(", ")));
    }

    private static @Nullable StartPoint startPoint(JsonNode json) {
        String text = text(json, "backfill_from", false);
        if (text == null) {
            return null;
        }
        String value = text.trim();
        Instant from;
        try {
            from = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidStreamException("backfill_from: must be a date (2026-12-01, UTC) or an instant with its "
                    + "offset (2026-12-01T09:30:00Z) but was '" + printable(text) + "'");
        }
        return StartPoint.backfillFrom(from);
    }

    private static String names(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }

    /** A value echoed in a message stays one short printable line. */
    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
