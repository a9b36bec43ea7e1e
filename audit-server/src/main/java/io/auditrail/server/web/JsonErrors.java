package io.auditrail.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code {"error": "..."}} where no controller advice can: in filters and the error page. */
final class JsonErrors {

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
}
