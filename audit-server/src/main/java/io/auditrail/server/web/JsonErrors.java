package io.auditrail.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code {"error": "..."}} where no controller advice can: in filters and the error page. */
final class JsonErrors {

    /** The answer when the database cannot serve a request; the client should send it again. */
    static final String STORAGE_UNAVAILABLE = "Storage is unavailable; retry later";

    /** Seconds a client is asked to wait before sending a {@code 503}-answered request again. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final JsonMapper mapper;

    JsonErrors(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(mapper.writeValueAsBytes(Map.of("error", message)));
    }

    /** A {@code 503} with {@code Retry-After}: nothing was done, and the same request may be sent again. */
    void writeRetryLater(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, message);
    }
}
