package io.auditrail.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON request body with a size bound that holds for chunked bodies too, which carry no Content-Length. */
final class RequestBodies {

    private final JsonMapper mapper;
    private final long maxBytes;

    RequestBodies(JsonMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    JsonNode readJson(HttpServletRequest request) {
        byte[] body = read(request);
        if (body.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Request body must be a JSON object");
        }
        try {
            // Doubles would round decimal metadata (an amount of 12345678901234567890.01 became
            // 12345678901234567000): the stored event must carry every digit the caller sent.
            return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Malformed JSON body");
        }
    }

    private byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (body.size() + read > maxBytes) {
                    throw tooLarge();
                }
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Request body could not be read");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Request body is larger than " + maxBytes + " bytes");
    }
}
