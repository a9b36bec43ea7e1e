package io.auditrail.client.internal;

import io.auditrail.client.AuditrailApiException;
import io.auditrail.client.BadRequestException;
import io.auditrail.client.ForbiddenException;
import io.auditrail.client.NotFoundException;
import io.auditrail.client.PayloadTooLargeException;
import io.auditrail.client.RateLimitedException;
import io.auditrail.client.UnauthorizedException;
import io.auditrail.core.event.UnsafeCharacters;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps an error status and the API's {@code {"error": "..."}} answer onto the typed exceptions. */
final class ApiErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REASON = 300;

    private ApiErrors() {
    }

    static AuditrailApiException of(int status, String reason, @Nullable Duration retryAfter) {
        return switch (status) {
            case 400 -> new BadRequestException(reason);
            case 401 -> new UnauthorizedException(reason);
            case 403 -> new ForbiddenException(reason);
            case 404 -> new NotFoundException(reason);
            case 413 -> new PayloadTooLargeException(reason);
            case 429 -> new RateLimitedException(reason, retryAfter);
            default -> new AuditrailApiException(status, reason, retryAfter);
        };
    }

    /** The {@code error} field when the body is the API's JSON, else the body's first line, made log-safe. */
    static String reason(String body, int status) {
        String text = body;
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.path("error").isString()) {
                text = node.get("error").asString();
            }
        } catch (JacksonException notJson) {
            // a proxy's HTML page or plain text: shown as sent, shortened
        }
        String oneLine = UnsafeCharacters.escape(text.replaceAll("\\s+", " ").trim());
        if (oneLine.isEmpty()) {
            return "HTTP " + status + " without a reason";
        }
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) + "…" : oneLine;
    }
}
